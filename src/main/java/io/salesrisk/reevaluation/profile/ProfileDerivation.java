package io.salesrisk.reevaluation.profile;

import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.invoice.persistence.ReceivableFigures;
import io.salesrisk.reevaluation.run.RunConstants;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Turns a customer's summed-up row into the profile the rules see (trend, drops, robust z-score, share of sales,
 * aging, utilization, DSO, payment deterioration, order spike), and decides whether its data can be assessed at all.
 * Pure: no database, so every figure and data-quality rule is unit-tested on its own.
 */
public final class ProfileDerivation {

    static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal NO_LIMIT_UTILIZATION = new BigDecimal("9999.9999");
    private static final BigDecimal Z_FACTOR = new BigDecimal("0.6745");
    /**
     * The monthly z-score needs a customer who buys nearly every month: for an intermittent buyer a month without sales
     * is its normal rhythm, not an outlier (tried on real wholesale data, the score flagged such months as collapses).
     */
    static final int MIN_PURCHASE_MONTHS_FOR_Z = 20;
    /** A buying rhythm needs this many months with sales. */
    static final int MIN_PURCHASE_MONTHS_FOR_RHYTHM = 4;
    /** Fewer invoices due in either half year make an average of days late one invoice's story, not a trend. */
    static final int MIN_INVOICES_PER_HALF_FOR_PAYMENT_TREND = 3;
    /** Fewer invoices in 12 months say too little about a customer's order sizes for an order spike. */
    static final int MIN_INVOICES_FOR_ORDER_SIZES = 6;

    private ProfileDerivation() {
    }

    public static CustomerFigures derive(ProfileRow row, ProfileWindow window, RunConstants constants) {
        CustomerProfile p = new CustomerProfile();
        p.setCustomerId(row.id());
        p.setSegment(row.segment());
        p.setRegion(row.region());
        p.setIndustry(row.industry());
        p.setYearsInBusiness(row.yearsInBusiness());
        String rating = row.externalRating();
        p.setExternalRating(rating == null || rating.isBlank() ? "NR" : rating.trim());
        p.setPreviousRiskClass(row.riskClass());
        p.setPreviousCreditLimit(row.creditLimit());
        p.setPreviousPaymentTermsDays(row.paymentTermsDays());
        p.setPreviousPrepaymentRequired(row.prepaymentRequired());
        p.setPreviousScore(row.previousScore());

        ProfileRow.Sales sales = row.sales();
        BigDecimal sales12m = money(sales.sales12m());
        String badData = badData(row);
        if (badData != null) {
            return new CustomerFigures(row.id(), null, badData);
        }
        p.setMonthsOfHistory(sales.months());
        p.setAccountAgeMonths(sales.firstMonth() == null ? 0
                : (int) ChronoUnit.MONTHS.between(YearMonth.from(sales.firstMonth()), YearMonth.from(window.month(1))) + 1);
        p.setSales12m(sales12m);
        BigDecimal previous12m = money(sales.salesPrevious12m());
        p.setSalesPrevious12m(previous12m);
        p.setSalesTrendPercent(sales.monthsPrevious12m() == 0 ? BigDecimal.ZERO : change(sales12m, previous12m));
        BigDecimal lastMonth = money(sales.lastMonth());
        BigDecimal previousMonth = money(sales.previousMonth());
        p.setLastMonthSales(lastMonth);
        p.setPreviousMonthSales(previousMonth);
        p.setMonthOverMonthDropPercent(drop(lastMonth, previousMonth));
        BigDecimal last3 = money(sales.last3Months());
        BigDecimal sameMonthsLastYear = money(sales.sameMonthsLastYear());
        p.setLast3MonthsSales(last3);
        p.setSameMonthsLastYearSales(sameMonthsLastYear);
        p.setSeasonalDropPercent(drop(last3, sameMonthsLastYear));
        BigDecimal median = decimal(sales.medianSales());
        BigDecimal mad = decimal(sales.madSales());
        p.setMedianMonthlySales(median);
        p.setMadMonthlySales(mad);
        // modified z-score (Iglewicz and Hoaglin): robust against the very outliers it looks for
        p.setRobustZ(sales.purchaseMonths() < MIN_PURCHASE_MONTHS_FOR_Z || mad.signum() == 0 ? BigDecimal.ZERO
                : Z_FACTOR.multiply(lastMonth.subtract(median)).divide(mad, 4, RoundingMode.HALF_UP));
        rhythm(p, sales, window);
        p.setSalesSharePercent(constants.totalSales12m().signum() <= 0 ? BigDecimal.ZERO
                : sales12m.multiply(HUNDRED).divide(constants.totalSales12m(), 4, RoundingMode.HALF_UP));

        ReceivableFigures receivables = row.receivables();
        ProfileRow.Aging aging = row.aging();
        p.setOpenReceivables(receivables.openReceivables());
        p.setNotDueAmount(money(aging.notDue()));
        p.setOverdue1To30(money(aging.overdue1To30()));
        p.setOverdue31To60(money(aging.overdue31To60()));
        p.setOverdue61To90(money(aging.overdue61To90()));
        p.setOverdueOver90(money(aging.overdueOver90()));
        p.setOverdueAmount(p.getOverdue1To30().add(p.getOverdue31To60()).add(p.getOverdue61To90()).add(p.getOverdueOver90()));
        p.setOldestOverdueDays(receivables.oldestOverdueDays(window.asOf()));
        BigDecimal openOrders = money(row.orders().openOrders());
        p.setOpenOrders(openOrders);
        BigDecimal exposure = receivables.openReceivables().add(openOrders);
        p.setTotalExposure(exposure);
        BigDecimal limit = p.getPreviousCreditLimit();
        p.setUtilizationPercent(limit.signum() > 0 ? exposure.multiply(HUNDRED).divide(limit, 4, RoundingMode.HALF_UP)
                : exposure.signum() > 0 ? NO_LIMIT_UTILIZATION : BigDecimal.ZERO);
        p.setCreditSales12m(receivables.creditSales());
        p.setDsoDays(receivables.dsoDays(window.periodDays()));
        p.setInvoicesDue((int) receivables.invoicesDue());
        p.setOnTimePercent(receivables.onTimePercent());
        BigDecimal lateRecent = ReceivableFigures.average(aging.daysLateRecent(), aging.dueRecent());
        BigDecimal lateEarlier = ReceivableFigures.average(aging.daysLateEarlier(), aging.dueEarlier());
        p.setAverageDaysLate(lateRecent);
        p.setAverageDaysLatePrevious(lateEarlier);
        p.setDaysLateIncrease(aging.dueRecent() < MIN_INVOICES_PER_HALF_FOR_PAYMENT_TREND
                || aging.dueEarlier() < MIN_INVOICES_PER_HALF_FOR_PAYMENT_TREND ? BigDecimal.ZERO : lateRecent.subtract(lateEarlier));
        BigDecimal largest = money(row.orders().largestRecentOrder());
        BigDecimal typical = decimal(aging.typicalInvoice());
        BigDecimal large = decimal(aging.largeInvoice());
        p.setLargestRecentOrder(largest);
        p.setTypicalOrder(typical);
        p.setLargeOrder(large);
        p.setInvoicesIssued12m(aging.invoicesIssued());
        // against the customer's own large orders, not its median: many B2B customers mix small and large orders
        p.setOrderSpikeRatio(aging.invoicesIssued() < MIN_INVOICES_FOR_ORDER_SIZES || large.signum() <= 0 ? BigDecimal.ZERO
                : largest.divide(large, 2, RoundingMode.HALF_UP));
        p.setIndustryIndexDropPercent(constants.indexDropPercent(p.getIndustry()));
        return new CustomerFigures(row.id(), p, null);
    }

    /**
     * The buying rhythm: most B2B customers do not buy every month, so a pause means something only against the
     * customer's own usual interval between months with sales.
     */
    static void rhythm(CustomerProfile p, ProfileRow.Sales sales, ProfileWindow window) {
        p.setPurchaseMonths(sales.purchaseMonths());
        if (sales.lastPurchase() == null) {
            return;
        }
        YearMonth lastFull = YearMonth.from(window.month(1));
        int since = (int) ChronoUnit.MONTHS.between(YearMonth.from(sales.lastPurchase()), lastFull);
        p.setMonthsSinceLastPurchase(since);
        if (sales.purchaseMonths() < MIN_PURCHASE_MONTHS_FOR_RHYTHM) {
            return;
        }
        long span = ChronoUnit.MONTHS.between(YearMonth.from(sales.firstPurchase()), YearMonth.from(sales.lastPurchase()));
        BigDecimal interval = BigDecimal.valueOf(span).divide(BigDecimal.valueOf(sales.purchaseMonths() - 1L), 2,
                RoundingMode.HALF_UP);
        p.setUsualPurchaseIntervalMonths(interval);
        p.setPurchaseGapRatio(BigDecimal.valueOf(since + 1L).divide(interval, 2, RoundingMode.HALF_UP));
    }

    /**
     * What keeps the customer's data from being assessed, or null. Only data that is wrong counts: a customer with
     * little or no history (a new account, a dormant one) is assessed, and the tables decide what that means (the
     * new-account policy; rules needing months of history do not apply).
     */
    static String badData(ProfileRow row) {
        if (row.sales().negativeMonths() > 0) {
            return "negative amounts: " + row.sales().negativeMonths() + " month(s) of negative sales";
        }
        if (row.aging().negativeInvoices() > 0) {
            return "negative amounts: " + row.aging().negativeInvoices() + " invoice(s) with a negative amount or payment";
        }
        if (row.yearsInBusiness() < 0) {
            return "negative years in business: " + row.yearsInBusiness();
        }
        return null;
    }

    /** (current - before) / before in %, 0 when there is nothing before. */
    static BigDecimal change(BigDecimal current, BigDecimal before) {
        return before.signum() <= 0 ? BigDecimal.ZERO
                : current.subtract(before).multiply(HUNDRED).divide(before, 2, RoundingMode.HALF_UP);
    }

    /** How far current fell below before, in % (0 when it rose or there is nothing before). */
    public static BigDecimal drop(BigDecimal current, BigDecimal before) {
        BigDecimal change = change(current, before);
        return change.signum() < 0 ? change.negate() : BigDecimal.ZERO;
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
