package io.salesrisk.reevaluation.profile;

import io.salesrisk.reevaluation.run.RunConstants;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The periods a profile is measured over, all derived from the run's as-of day so every instance and every chunk
 * measures the same way. Month 1 is the last full month before the as-of day, month 24 the oldest.
 */
public record ProfileWindow(LocalDate asOf, int horizonDays, int paymentPeriodMonths) {

    /** The window of a run, from the constants it fixed when it started. */
    public static ProfileWindow of(RunConstants constants) {
        return new ProfileWindow(constants.asOf(), constants.horizonDays(), constants.paymentPeriodMonths());
    }

    /** First day of the n-th last full month (1 = the last full month). */
    public LocalDate month(int n) {
        return YearMonth.from(asOf).minusMonths(n).atDay(1);
    }

    /**
     * Start of the payment period (invoices due or issued from this day on): the same period the order-time credit
     * figures use ({@code salesrisk.credit.payment-period-months}).
     */
    public LocalDate periodStart() {
        return asOf.minusMonths(paymentPeriodMonths);
    }

    /** Start of the period's second half, which payment deterioration compares with the first half. */
    public LocalDate halfStart() {
        return asOf.minusMonths(paymentPeriodMonths / 2);
    }

    /** Days of the payment period, for DSO. */
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
