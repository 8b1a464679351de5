package io.salesrisk.explanation.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.salesrisk.facts.Reason;

import java.util.List;
import java.util.UUID;

/**
 * Why a decision came out as it did: for every decision table, the rows that matched with the order's values set
 * against each threshold, or, when no row matched, the nearest miss; and the DRL rules that fired.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(UUID decisionId, String orderId, String outcome, String rulesetVersion, List<Reason> reasons,
                          List<TableExplanation> tables, List<FiredRule> drlRules) {

    /**
     * One table.
     *
     * @param matched     rows that fired
     * @param nearestMiss when nothing fired: the row that came closest, with the condition(s) that failed
     * @param summary     one line for people
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TableExplanation(String file, String sheet, String table, List<RowExplanation> matched,
                                   RowExplanation nearestMiss, String summary) {
    }

    /**
     * One row with every condition checked against the facts the engine saw.
     *
     * @param link download of the workbook, with the sheet and row to look at
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowExplanation(int row, String rule, String source, String link, List<ConditionCheck> conditions,
                                 String summary) {
    }

    /**
     * One condition of a row.
     *
     * @param satisfied true, false, or null when salesrisk cannot read the condition (then only the engine knows)
     * @param text      e.g. "order.amount 125,000.00 > 100,000 (Max order value)"
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConditionCheck(String column, String cell, String field, String operator, String threshold, String input,
                                 Boolean satisfied, String text) {
    }

    /** A DRL rule that fired. */
    public record FiredRule(String rule, String source) {
    }
}
