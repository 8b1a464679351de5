package io.salesrisk.drill.scenario;

import io.salesrisk.invoice.persistence.OpenInvoiceQuery.OpenInvoice;
import io.salesrisk.invoice.persistence.ReceivableFigures;
import io.salesrisk.reevaluation.profile.ProfileDerivation;
import io.salesrisk.reevaluation.profile.ProfileRow;
import io.salesrisk.reevaluation.profile.ProfileWindow;
import io.salesrisk.reevaluation.run.RunConstants;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Applies a scenario to copies of the facts, never to the database: to a customer's summed-up profile row (invoices
 * moved into older aging buckets with the payment figures that follow, recent sales scaled down) or to the run
 * constants (an industry's market index). The aging boundaries are those of {@code sql/customer-profiles.sql}.
 * Pure, so every scenario is the same on every instance and every time.
 */
public final class ScenarioFacts {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ScenarioFacts() {
    }

    /** The constants under the scenario: only MARKET_INDEX_DROP changes them (the industry's latest index). */
    public static RunConstants constants(Scenario scenario, RunConstants constants) {
        if (scenario.kind() != Scenario.Kind.MARKET_INDEX_DROP) {
            return constants;
        }
        Map<String, RunConstants.IndustryIndex> industries = new TreeMap<>(constants.industries());
        RunConstants.IndustryIndex index = industries.get(scenario.industry());
        BigDecimal latest = index.latest().multiply(remaining(scenario.percent())).setScale(4, RoundingMode.HALF_UP);
        BigDecimal drop = index.yearBefore() == null ? scenario.percent().setScale(2, RoundingMode.HALF_UP)
                : ProfileDerivation.drop(latest, index.yearBefore());
        industries.put(scenario.industry(), new RunConstants.IndustryIndex(index.month(), latest, index.yearBefore(), drop));
        return new RunConstants(constants.asOf(), constants.totalSales12m(), industries, constants.autoIncreasePercent(),
                constants.limitRounding(), constants.horizonDays(), constants.paymentPeriodMonths());
    }

    /** Whether the scenario can change this customer's figures (its own facts, or the constants it reads). */
    public static boolean touches(Scenario scenario, ProfileRow row) {
        return switch (scenario.kind()) {
            case CUSTOMER_DEFAULT -> row.id().equals(scenario.customerId());
            case SALES_DROP -> scenario.segment() != null ? scenario.segment().equals(row.segment())
                    : scenario.region().equals(row.region());
            case MARKET_INDEX_DROP -> scenario.industry().equals(row.industry());
            case INVOICES_OVERDUE -> true;
        };
    }

    /**
     * The customer's row under the scenario.
     *
     * @param open the customer's unpaid invoices (only read for the invoice scenarios)
     */
    public static ProfileRow apply(Scenario scenario, ProfileRow row, List<OpenInvoice> open, ProfileWindow window) {
        if (!touches(scenario, row)) {
            return row;
        }
        return switch (scenario.kind()) {
            case CUSTOMER_DEFAULT -> overdue(row, open, window, Scenario.DEFAULT_DAYS_OVERDUE, null);
            case INVOICES_OVERDUE -> overdue(row, open, window, Scenario.SHARE_DAYS_OVERDUE, scenario.sharePercent());
            case SALES_DROP -> salesDrop(row, scenario.percent());
            case MARKET_INDEX_DROP -> row;
        };
    }

    /**
     * Whether the invoice is among the share that goes overdue: the CRC-32 of its id, modulo 10,000, below the share
     * in hundredths of a percent. The same invoices every time, spread evenly over customers.
     */
    public static boolean picked(String invoiceId, BigDecimal sharePercent) {
        CRC32 crc = new CRC32();
        crc.update(invoiceId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 10_000 < sharePercent.multiply(HUNDRED).longValue();
    }

    /** Moves open invoices (all, or the picked share) to {@code days} past due, unless they are older already. */
    static ProfileRow overdue(ProfileRow row, List<OpenInvoice> open, ProfileWindow window, int days, BigDecimal share) {
        LocalDate asOf = window.asOf();
        LocalDate newDue = asOf.minusDays(days);
        Aging aging = new Aging(row.aging(), row.receivables());
        for (OpenInvoice invoice : open) {
            if (!invoice.customerId().equals(row.id()) || !invoice.dueDate().isAfter(newDue)
                    || (share != null && !picked(invoice.id(), share))) {
                continue;
            }
            aging.move(invoice.dueDate(), newDue, invoice.open(), window);
        }
        return new ProfileRow(row.id(), row.segment(), row.region(), row.industry(), row.yearsInBusiness(),
                row.externalRating(), row.riskClass(), row.creditLimit(), row.paymentTermsDays(), row.prepaymentRequired(),
                row.previousScore(), row.sales(), aging.receivables(row.receivables()), aging.aging(row.aging()), row.orders());
    }

    /**
     * Scales the last 3 full months' sales down by {@code percent} (and the 12-month total by as much). The median,
     * its spread and the months with sales stay as they were: a drop, not a stop.
     */
    static ProfileRow salesDrop(ProfileRow row, BigDecimal percent) {
        ProfileRow.Sales s = row.sales();
        BigDecimal factor = remaining(percent);
        BigDecimal last3 = zero(s.last3Months());
        BigDecimal cut = last3.subtract(scaled(last3, factor));
        ProfileRow.Sales dropped = new ProfileRow.Sales(s.months(), s.firstMonth(), s.purchaseMonths(), s.firstPurchase(),
                s.lastPurchase(), s.negativeMonths(), s.medianSales(), s.madSales(), zero(s.sales12m()).subtract(cut),
                s.salesPrevious12m(), s.monthsPrevious12m(), scaled(zero(s.lastMonth()), factor),
                scaled(zero(s.previousMonth()), factor), last3.subtract(cut), s.sameMonthsLastYear());
        return new ProfileRow(row.id(), row.segment(), row.region(), row.industry(), row.yearsInBusiness(),
                row.externalRating(), row.riskClass(), row.creditLimit(), row.paymentTermsDays(), row.prepaymentRequired(),
                row.previousScore(), dropped, row.receivables(), row.aging(), row.orders());
    }

    private static BigDecimal remaining(BigDecimal percent) {
        return HUNDRED.subtract(percent).divide(HUNDRED, 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal scaled(BigDecimal value, BigDecimal factor) {
        return value.multiply(factor).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The aging buckets and payment figures being changed, invoice by invoice. */
    private static final class Aging {
        private final BigDecimal[] buckets;
        private BigDecimal overdue;
        private LocalDate oldest;
        private long invoicesDue;
        private long daysLate;
        private int dueRecent;
        private long daysLateRecent;
        private int dueEarlier;
        private long daysLateEarlier;

        Aging(ProfileRow.Aging a, ReceivableFigures r) {
            buckets = new BigDecimal[]{zero(a.notDue()), zero(a.overdue1To30()), zero(a.overdue31To60()),
                    zero(a.overdue61To90()), zero(a.overdueOver90())};
            overdue = r.overdueAmount();
            oldest = r.oldestOverdueDue();
            invoicesDue = r.invoicesDue();
            daysLate = r.totalDaysLate();
            dueRecent = a.dueRecent();
            daysLateRecent = a.daysLateRecent();
            dueEarlier = a.dueEarlier();
            daysLateEarlier = a.daysLateEarlier();
        }

        void move(LocalDate from, LocalDate to, BigDecimal amount, ProfileWindow window) {
            LocalDate asOf = window.asOf();
            buckets[bucket(from, asOf)] = buckets[bucket(from, asOf)].subtract(amount);
            buckets[bucket(to, asOf)] = buckets[bucket(to, asOf)].add(amount);
            if (!from.isBefore(asOf)) {
                overdue = overdue.add(amount);
            }
            oldest = oldest == null || to.isBefore(oldest) ? to : oldest;
            count(from, asOf, window, -1);
            count(to, asOf, window, 1);
        }

        /** An unpaid invoice due in the period counts as due, late until the as-of day (ReceivableSql.daysLate). */
        private void count(LocalDate due, LocalDate asOf, ProfileWindow window, int sign) {
            if (due.isBefore(window.periodStart()) || !due.isBefore(asOf)) {
                return;
            }
            long late = ChronoUnit.DAYS.between(due, asOf);
            invoicesDue += sign;
            daysLate += sign * late;
            if (due.isBefore(window.halfStart())) {
                dueEarlier += sign;
                daysLateEarlier += sign * late;
            } else {
                dueRecent += sign;
                daysLateRecent += sign * late;
            }
        }

        /** 0 not due, 1: 1-30, 2: 31-60, 3: 61-90, 4: over 90 days past due, as the profile query ages. */
        private static int bucket(LocalDate due, LocalDate asOf) {
            if (!due.isBefore(asOf)) {
                return 0;
            }
            if (!due.isBefore(asOf.minusDays(30))) {
                return 1;
            }
            if (!due.isBefore(asOf.minusDays(60))) {
                return 2;
            }
            return due.isBefore(asOf.minusDays(90)) ? 4 : 3;
        }

        ReceivableFigures receivables(ReceivableFigures r) {
            return new ReceivableFigures(r.openReceivables(), overdue, oldest, invoicesDue, r.invoicesPaidOnTime(), daysLate,
                    r.creditSales());
        }

        ProfileRow.Aging aging(ProfileRow.Aging a) {
            return new ProfileRow.Aging(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4], dueRecent,
                    daysLateRecent, dueEarlier, daysLateEarlier, a.typicalInvoice(), a.largeInvoice(), a.invoicesIssued(),
                    a.negativeInvoices());
        }
    }
}
