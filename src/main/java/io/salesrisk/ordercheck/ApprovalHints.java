package io.salesrisk.ordercheck;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.MessageTemplate;
import io.salesrisk.facts.Outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest change to a held order that the rules would approve, found by running the rules themselves on the
 * stored facts with the change made (never by reading thresholds in Java): "approves at or below 41,500.00" (the
 * largest amount that approves, to the cent) and "approves with prepayment" (the order adds nothing to the exposure).
 * Empty when no such change approves: an officer must decide.
 */
public final class ApprovalHints {

    /** Engine runs at most per hint: enough to find an amount to the cent for amounts up to 10^13. */
    private static final int MAX_STEPS = 48;
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private ApprovalHints() {
    }

    public static List<String> of(CompiledRuleSet rules, OrderFacts held) {
        List<String> hints = new ArrayList<>();
        BigDecimal amount = held.order().getAmount();
        if (amount.compareTo(CENT) > 0 && approves(rules, held, CENT, false)) {
            // first guess: the credit headroom, which is the answer whenever only the limit held the order
            BigDecimal over = held.exposure().getProjectedOverLimit();
            BigDecimal guess = amount.subtract(over).max(CENT);
            BigDecimal low;
            BigDecimal high;
            if (over.signum() > 0 && approves(rules, held, guess, false)) {
                low = guess;
                high = guess.add(CENT).min(amount);
                if (high.compareTo(amount) < 0 && approves(rules, held, high, false)) {
                    low = high;
                    high = amount;
                }
            } else {
                low = CENT;
                high = over.signum() > 0 ? guess : amount;
            }
            // the largest amount that approves lies in [low, high): bisect to the cent
            for (int step = 0; step < MAX_STEPS && high.subtract(low).compareTo(CENT) > 0; step++) {
                BigDecimal middle = low.add(high).divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                if (approves(rules, held, middle, false)) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            hints.add("approves at or below " + MessageTemplate.format(low));
        }
        if (approves(rules, held, amount, true)) {
            hints.add("approves with prepayment");
        }
        return hints;
    }

    /** Whether the rules approve the order at {@code amount}, or prepaid (nothing added to the exposure). */
    static boolean approves(CompiledRuleSet rules, OrderFacts held, BigDecimal amount, boolean prepaid) {
        OrderFacts facts = held.copy();
        BigDecimal scale = held.order().getAmount().signum() == 0 ? BigDecimal.ONE
                : amount.divide(held.order().getAmount(), 10, RoundingMode.HALF_UP);
        facts.order().setAmount(amount);
        facts.order().setOriginalAmount(held.order().getOriginalAmount().multiply(scale).setScale(2, RoundingMode.HALF_UP));
        CreditExposure was = held.exposure();
        CreditExposure exposure = CreditExposure.of(was.getAsOf(), was.getHorizonDays(), held.customer().getCreditLimit(),
                was.getOpenReceivables(), was.getOverdueAmount(), was.getOldestOverdueDays(), was.getOpenOrders(),
                prepaid ? BigDecimal.ZERO : amount);
        OrderFacts changed = new OrderFacts(facts.customer(), facts.order(), exposure, facts.payment(), facts.measures());
        OrderEvaluation evaluation = OrderEvaluator.evaluate(rules, changed);
        return evaluation.decision().getOutcome() == Outcome.APPROVE && evaluation.run().failure() == null;
    }
}
