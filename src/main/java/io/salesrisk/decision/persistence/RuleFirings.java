package io.salesrisk.decision.persistence;

import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.Reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code decision_rule_firings} rows of one decision: one per rule that fired, with how often, the strongest
 * reaction it asked for and whether that reaction was the final one. A rule decided an order when its reaction is the
 * decision's outcome and that outcome is BLOCK or REVIEW, or, for an approval, when it attached a condition (such as
 * PREPAYMENT_REQUIRED); rules that only informed an approval did not decide it.
 */
public final class RuleFirings {

    /** One rule's firing in a decision. */
    public record Firing(String rule, int times, String reaction, boolean decided) {
    }

    /** Rule names are stored in 200-character columns (as in risk_signals and the reasons). */
    static final int MAX_RULE = 200;

    private RuleFirings() {
    }

    public static List<Firing> of(List<String> firedRules, List<Reason> reasons, String outcome) {
        Map<String, Integer> times = new LinkedHashMap<>();
        for (String rule : firedRules) {
            times.merge(cut(rule), 1, Integer::sum);
        }
        Map<String, Outcome> reactions = new HashMap<>();
        Set<String> conditioned = new HashSet<>();
        for (Reason reason : reasons == null ? List.<Reason>of() : reasons) {
            String rule = cut(reason.rule());
            if (reason.outcome() != null) {
                reactions.merge(rule, reason.outcome(), Outcome::max);
            }
            if (reason.condition() != null) {
                conditioned.add(rule);
            }
        }
        Outcome finalOutcome = Outcome.valueOf(outcome);
        List<Firing> firings = new ArrayList<>(times.size());
        times.forEach((rule, count) -> {
            Outcome reaction = reactions.get(rule);
            boolean decided = reaction == finalOutcome
                    && (finalOutcome != Outcome.APPROVE || conditioned.contains(rule));
            firings.add(new Firing(rule, count, reaction == null ? null : reaction.name(), decided));
        });
        return firings;
    }

    private static String cut(String rule) {
        return rule.length() <= MAX_RULE ? rule : rule.substring(0, MAX_RULE);
    }
}
