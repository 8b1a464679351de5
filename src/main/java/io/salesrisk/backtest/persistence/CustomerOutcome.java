package io.salesrisk.backtest.persistence;

import io.salesrisk.facts.OutcomeKind;

import java.math.BigDecimal;

/**
 * What happened to one customer within a backtest's horizon (sql/backtest-outcomes.sql).
 *
 * @param horizonMonths  months of the horizon
 * @param salesBefore    sales of the {@value #USUAL_SALES_MONTHS} months before the as-of month
 * @param salesAfter     sales of the horizon's months from the as-of month
 * @param maxDaysOverdue the most days an invoice was overdue by the horizon's end (0 when none was)
 * @param rejectedHolds  held orders rejected by an officer within the horizon
 */
public record CustomerOutcome(String customerId, int horizonMonths, BigDecimal salesBefore, BigDecimal salesAfter,
                              int maxDaysOverdue, int rejectedHolds) {

    /**
     * A sales drop is measured against the customer's usual sales: the 12 months before the as-of month, pro rata
     * for the horizon. The 3 months just before would be no baseline for a buyer whose pause is the signal.
     */
    public static final int USUAL_SALES_MONTHS = 12;

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** A customer of whom nothing is recorded in the horizon. */
    public static CustomerOutcome nothing(String customerId, int horizonMonths) {
        return new CustomerOutcome(customerId, horizonMonths, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    }

    /** Whether the outcome happened, with its threshold (% for a sales drop, days for overdue). */
    public boolean happened(OutcomeKind kind, BigDecimal threshold) {
        return switch (kind) {
            // sales after × 100 × 12 < sales before × horizon × threshold %; without sales before, nothing can drop
            case SALES_DROP -> salesBefore.signum() > 0
                    && salesAfter.multiply(HUNDRED).multiply(BigDecimal.valueOf(USUAL_SALES_MONTHS))
                    .compareTo(salesBefore.multiply(BigDecimal.valueOf(horizonMonths)).multiply(threshold)) < 0;
            case OVERDUE -> maxDaysOverdue > threshold.intValue();
            case HOLD_REJECTED -> rejectedHolds > 0;
        };
    }
}
