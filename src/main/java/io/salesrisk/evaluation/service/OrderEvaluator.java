package io.salesrisk.evaluation.service;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.OrderCheck;
import io.salesrisk.facts.RuleRef;

import java.util.List;

/**
 * Runs the order rules on a set of facts: no database, no Quarkus, so the service, replays and benchmarks share it.
 * A rule that loops or fails never yields an error or a silent approval: the order goes to REVIEW with the reason.
 */
public final class OrderEvaluator {

    static final String ENGINE_SOURCE = "salesrisk engine";

    private OrderEvaluator() {
    }

    public static OrderEvaluation evaluate(CompiledRuleSet rules, OrderFacts facts) {
        Decision decision = new Decision();
        OrderCheck check = new OrderCheck(facts.customer(), facts.order(), facts.exposure(), facts.payment(), decision);
        RuleRun run = rules.run(List.of(check, facts.customer(), facts.order(), facts.exposure(), facts.payment(), decision),
                decision);
        if (run.stoppedAtLimit()) {
            decision.enterRule(RuleRef.system("FiringLimitReached", ENGINE_SOURCE));
            decision.review("evaluation stopped after " + run.firedRules().size() + " rule firings; rule "
                    + last(run) + " kept firing (a loop?): a credit manager must decide");
        }
        if (run.failure() != null) {
            decision.enterRule(RuleRef.system("RuleFailed", ENGINE_SOURCE));
            decision.review("evaluation incomplete: " + run.failure() + "; a credit manager must decide");
        }
        return new OrderEvaluation(decision, run, rules.version());
    }

    /** Benchmark-only: the same bookkeeping without running any rule, to measure what the engine adds. */
    public static OrderEvaluation bypass(CompiledRuleSet rules) {
        return new OrderEvaluation(new Decision(), new RuleRun(List.of(), false, null, 0), rules.version());
    }

    private static String last(RuleRun run) {
        return run.firedRules().isEmpty() ? "(none)" : run.firedRules().get(run.firedRules().size() - 1);
    }
}
