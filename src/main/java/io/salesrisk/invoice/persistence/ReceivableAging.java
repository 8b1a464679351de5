package io.salesrisk.invoice.persistence;

import java.math.BigDecimal;

/**
 * A customer's unpaid invoice amounts by days past due on one day, in the bands the re-evaluation profile uses:
 * not yet due, 1-30, 31-60, 61-90 and over 90 days. Amounts in the base currency.
 */
public record ReceivableAging(BigDecimal notDue, BigDecimal overdue1To30, BigDecimal overdue31To60,
                              BigDecimal overdue61To90, BigDecimal overdueOver90) {

    /** All open receivables. */
    public BigDecimal total() {
        return notDue.add(overdue1To30).add(overdue31To60).add(overdue61To90).add(overdueOver90);
    }
}
