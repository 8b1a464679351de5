package io.salesrisk.reevaluation.profile;

import io.salesrisk.invoice.persistence.ReceivableFigures;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One customer's row of the profile query, as the database summed it up; {@link ProfileDerivation} turns it into
 * the profile rules see. Sums are null where the customer has no rows of that kind (no sales, no invoices, ...).
 *
 * @param previousScore null until the first assessment
 */
public record ProfileRow(String id, String segment, String region, String industry, int yearsInBusiness,
                         String externalRating, String riskClass, BigDecimal creditLimit, int paymentTermsDays,
                         boolean prepaymentRequired, Integer previousScore,
                         Sales sales, ReceivableFigures receivables, Aging aging, Orders orders) {

    /**
     * The last 24 full months of sales.
     *
     * @param months       months with a sales row (0: no history in the window)
     * @param firstMonth   the first month with a sales row in the window, or null
     * @param purchaseMonths months with sales above zero; {@code firstPurchase} and {@code lastPurchase} the first and
     *                     last of them (null without any): the customer's buying rhythm
     * @param medianSales  median monthly sales; {@code madSales} their median absolute deviation
     */
    public record Sales(int months, LocalDate firstMonth, int purchaseMonths, LocalDate firstPurchase,
                        LocalDate lastPurchase, int negativeMonths, double medianSales, double madSales, BigDecimal sales12m,
                        BigDecimal salesPrevious12m, int monthsPrevious12m, BigDecimal lastMonth, BigDecimal previousMonth,
                        BigDecimal last3Months, BigDecimal sameMonthsLastYear) {
    }

    /**
     * Open receivables by age, payment behaviour in the two halves of the period, and the invoices issued in the period
     * (their count, median and 90th percentile: the customer's own order sizes).
     */
    public record Aging(BigDecimal notDue, BigDecimal overdue1To30, BigDecimal overdue31To60, BigDecimal overdue61To90,
                        BigDecimal overdueOver90, int dueRecent, long daysLateRecent, int dueEarlier, long daysLateEarlier,
                        double typicalInvoice, double largeInvoice, int invoicesIssued, int negativeInvoices) {
    }

    /** Approved orders within the horizon, and the largest recent order. */
    public record Orders(BigDecimal openOrders, BigDecimal largestRecentOrder) {
    }
}
