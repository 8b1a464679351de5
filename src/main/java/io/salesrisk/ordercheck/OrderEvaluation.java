package io.salesrisk.ordercheck;

import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.Decision;

/**
 * The engine's answer for one order.
 *
 * @param decision       outcome, conditions and reasons
 * @param run            fired rules, timing and whether the run completed
 * @param rulesetVersion version of the rule set that decided
 */
public record OrderEvaluation(Decision decision, RuleRun run, String rulesetVersion) {
}
