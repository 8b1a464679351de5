package io.salesrisk.reevaluation.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run fixes when it starts, so the result for a customer depends only on that customer's data and
 * these values, never on which instance or chunk assessed it or when: the as-of day, the portfolio's sales (for
 * concentration), the market indices, and the limit policy.
 *
 * @param totalSales12m       all customers' sales of the last 12 full months
 * @param industries          market index figures by industry
 * @param autoIncreasePercent limit increases above this % become proposals
 * @param limitRounding       limits are rounded down to a multiple of this
 * @param horizonDays         approved orders count in the exposure if they deliver within this many days
 * @param paymentPeriodMonths payment behaviour and DSO look back over invoices of this many months, as at order time
 */
public record RunConstants(LocalDate asOf, BigDecimal totalSales12m, Map<String, IndustryIndex> industries,
                           BigDecimal autoIncreasePercent, BigDecimal limitRounding, int horizonDays,
                           int paymentPeriodMonths) {

    /** Months of payment history when a run stored before the period was configurable says nothing. */
    static final int DEFAULT_PAYMENT_PERIOD = 12;

    /** Constants with the default payment period of 12 months. */
    public RunConstants(LocalDate asOf, BigDecimal totalSales12m, Map<String, IndustryIndex> industries,
                        BigDecimal autoIncreasePercent, BigDecimal limitRounding, int horizonDays) {
        this(asOf, totalSales12m, industries, autoIncreasePercent, limitRounding, horizonDays, DEFAULT_PAYMENT_PERIOD);
    }

    /** An industry's market index: latest value up to the as-of day and the value a year before. */
    public record IndustryIndex(LocalDate month, BigDecimal latest, BigDecimal yearBefore, BigDecimal dropPercent) {
    }

    public RunConstants {
        // sorted: Map.copyOf iterates in an order that changes from JVM to JVM, and the summary's markets with it
        industries = industries == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(industries));
        paymentPeriodMonths = paymentPeriodMonths <= 0 ? DEFAULT_PAYMENT_PERIOD : paymentPeriodMonths;
    }

    /** How far an industry's index fell against a year before, in % (0 when it rose or is unknown). */
    public BigDecimal indexDropPercent(String industry) {
        IndustryIndex index = industries.get(industry);
        return index == null ? BigDecimal.ZERO : index.dropPercent();
    }
}
