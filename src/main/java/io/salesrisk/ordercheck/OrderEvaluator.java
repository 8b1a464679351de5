package io.salesrisk.ordercheck;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.OrderCheck;
import io.salesrisk.facts.ReleasedOrderChange;
import io.salesrisk.facts.RuleRef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the order rules on a set of facts: no database, no Quarkus, so the service, scenarios, replays and benchmarks
 * share it. A rule that loops or fails never yields an error or a silent approval: the order goes to REVIEW with the
 * reason.
 */
public final class OrderEvaluator {

    static final String ENGINE_SOURCE = "salesrisk engine";

    private OrderEvaluator() {
    }

    public static OrderEvaluation evaluate(CompiledRuleSet rules, OrderFacts facts) {
        if (facts.exposure().getLimitCutPercent().signum() != 0) {
            // a stored snapshot holds the cut a plan's rule made when it was decided; every run starts from the
            // customer's own limit, so a replay cuts only as its own rules say
            facts.exposure().applyLimitCut(BigDecimal.ZERO, facts.customer().getCreditLimit());
        }
        Decision decision = new Decision();
        OrderCheck check = new OrderCheck(facts.customer(), facts.order(), facts.exposure(), facts.payment(), decision);
        List<Object> inserted = new ArrayList<>(List.of(check, facts.customer(), facts.order(), facts.exposure(),
                facts.payment(), decision));
        inserted.addAll(facts.measures());
        RuleRun run = rules.run(inserted, decision);
        if (run.stoppedAtLimit()) {
            decision.enterRule(RuleRef.system("FiringLimitReached", ENGINE_SOURCE));
            decision.review("evaluation stopped after " + run.firedRules().size() + " rule firings; rule "
                    + last(run) + " kept firing (a loop?): a credit manager must decide");
        }
        if (run.timedOut()) {
            decision.enterRule(RuleRef.system("TimeBudgetExceeded", ENGINE_SOURCE));
            decision.review("evaluation stopped: " + run.failure() + "; a credit manager must decide");
        } else if (run.failure() != null) {
            decision.enterRule(RuleRef.system("RuleFailed", ENGINE_SOURCE));
            decision.review("evaluation incomplete: " + run.failure() + "; a credit manager must decide");
        }
        return new OrderEvaluation(decision, run, rules.version());
    }

    /**
     * Runs the release-tolerance table for a released order evaluated again: an evaluation that approves with the
     * reason of the row that kept the release, or empty when no row does (the change is beyond tolerance and the
     * order must be evaluated in full).
     */
    public static java.util.Optional<OrderEvaluation> withinReleaseTolerance(CompiledRuleSet rules, OrderFacts facts,
                                                                            BigDecimal releasedAmount, java.time.LocalDate releasedOn,
                                                                            String releasedBy, java.time.LocalDate today) {
        BigDecimal amount = facts.order().getAmount();
        BigDecimal growth = releasedAmount.signum() == 0 ? BigDecimal.ZERO
                // 16 significant digits: one cent above the tolerance must read as above it, whatever the amount
                : amount.subtract(releasedAmount).multiply(BigDecimal.valueOf(100))
                        .divide(releasedAmount, java.math.MathContext.DECIMAL64);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(releasedOn, today);
        ReleasedOrderChange change = new ReleasedOrderChange(facts.customer().getRiskClass(), facts.customer().getSegment(),
                releasedAmount, amount, growth, days, releasedOn, releasedBy);
        RuleRun run = rules.run(List.of(change), change);
        if (!change.isWithinTolerance() || run.failure() != null || run.timedOut()) {
            return java.util.Optional.empty();
        }
        Decision decision = new Decision();
        decision.enterRule(change.getRule());
        decision.add(io.salesrisk.facts.Outcome.APPROVE, null, change.getReason());
        return java.util.Optional.of(new OrderEvaluation(decision, run, rules.version()));
    }

    /** Benchmark-only: the same bookkeeping without running any rule, to measure what the engine adds. */
    public static OrderEvaluation bypass(CompiledRuleSet rules) {
        return new OrderEvaluation(new Decision(), new RuleRun(List.of(), false, null, 0), rules.version());
    }

    private static String last(RuleRun run) {
        return run.lastRule();
    }
}
