package io.salesrisk.facts;

/**
 * Why a decision came out as it did: one entry per rule reaction.
 *
 * @param rule      the rule name
 * @param source    file, and for tables sheet and row
 * @param outcome   the reaction this rule asked for
 * @param severity  HIGH for BLOCK, MEDIUM for REVIEW, LOW for a condition, INFO otherwise
 * @param condition a condition code such as PREPAYMENT_REQUIRED, or null
 * @param message   what was found, with the actual values
 */
public record Reason(String rule, String source, Outcome outcome, Severity severity, String condition, String message) {
}
