package io.salesrisk.hold.service;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.ReleaseRequest;

import java.math.BigDecimal;
import java.util.List;

/**
 * Asks the release-authority table whether an officer may release a hold: the strictest answer of the rows that
 * apply, with the row that gave it; no row applying is a refusal that says so.
 */
final class ReleaseAuthority {

    /** The table's answer, with the row (rule and source) that gave it. */
    record Verdict(ReleaseRequest.Answer answer, String rule, String source, String message) {
        String row() {
            return rule + " (" + source + ")";
        }
    }

    private ReleaseAuthority() {
    }

    static Verdict ask(CompiledRuleSet rules, Outcome outcome, BigDecimal amount, BigDecimal amountOverLimit,
                       String riskClass, String segment, int officerLevel, int approvals) {
        ReleaseRequest request = new ReleaseRequest(outcome, amount, amountOverLimit, riskClass, segment, officerLevel,
                approvals);
        RuleRun run = rules.run(List.of(request), request);
        if (run.failure() != null) {
            return new Verdict(ReleaseRequest.Answer.REFUSE, "ReleaseAuthority", "release-authority.xlsx",
                    "the release-authority table could not be evaluated: " + run.failure());
        }
        return request.verdict()
                .map(a -> new Verdict(a.answer(), a.rule(), a.source(), a.message()))
                .orElse(new Verdict(ReleaseRequest.Answer.REFUSE, "none", "release-authority.xlsx",
                        "no row of the release-authority table lets a level " + officerLevel + " officer release a "
                                + outcome + " of risk class " + riskClass + " " + amountOverLimit.toPlainString()
                                + " over the limit"));
    }
}
