package io.salesrisk.reevaluation.profile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The periods a profile is measured over, all derived from the run's as-of day so every instance and every chunk
 * measures the same way. Month 1 is the last full month before the as-of day, month 24 the oldest.
 */
public record ProfileWindow(LocalDate asOf, int horizonDays) {

    /** First day of the n-th last full month (1 = the last full month). */
    public LocalDate month(int n) {
        return YearMonth.from(asOf).minusMonths(n).atDay(1);
    }

    /** Start of the 12-month payment period (invoices due or issued from this day on). */
    public LocalDate periodStart() {
        return asOf.minusMonths(12);
    }

    /** Start of the last 6 months, which payment deterioration compares with the 6 months before. */
    public LocalDate halfStart() {
        return asOf.minusMonths(6);
    }

    /** Days of the 12-month period, for DSO. */
    public long periodDays() {
        return ChronoUnit.DAYS.between(periodStart(), asOf);
    }

    /** Approved orders delivering after this day do not count in the exposure. */
    public LocalDate horizonEnd() {
        return asOf.plusDays(horizonDays);
    }

    /** Orders placed after this day are recent, for order spikes. */
    public LocalDate recentOrdersStart() {
        return asOf.minusDays(30);
    }
}
