package io.salesrisk.reevaluation.profile;

import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.invoice.persistence.ReceivableFigures;
import io.salesrisk.reevaluation.run.RunConstants;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures rules see, derived from one customer's summed-up row, and the data that cannot be assessed. */
class ProfileDerivationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final ProfileWindow WINDOW = new ProfileWindow(AS_OF, 90, 12);
    private static final RunConstants CONSTANTS = new RunConstants(AS_OF, new BigDecimal("1000000"),
            Map.of("Construction", new RunConstants.IndustryIndex(LocalDate.of(2026, 5, 1), new BigDecimal("82"),
                    new BigDecimal("100"), new BigDecimal("18.00"))), BigDecimal.TEN, new BigDecimal("1000"), 90);

    @Test
    void shouldDeriveTrendDropsAndTheRobustZScore() {
        // given: 24 months, 120,000 in the last 12 against 100,000 before; last month 2,000 against 10,000 the month before
        ProfileRow row = row(sales(24, 0, 10_000, 500, "120000", "100000", 12, "2000", "10000", "21000", "30000"));

        // when
        CustomerProfile p = ProfileDerivation.derive(row, WINDOW, CONSTANTS).profile();

        // then
        assertThat(p.getSalesTrendPercent()).isEqualByComparingTo("20.00");
        assertThat(p.getMonthOverMonthDropPercent()).isEqualByComparingTo("80.00");
        assertThat(p.getSeasonalDropPercent()).isEqualByComparingTo("30.00");
        // 0.6745 x (2,000 - 10,000) / 500
        assertThat(p.getRobustZ()).isEqualByComparingTo("-10.7920");
        assertThat(p.getSalesSharePercent()).isEqualByComparingTo("12.0000");
        assertThat(p.getIndustryIndexDropPercent()).isEqualByComparingTo("18.00");
    }

    @Test
    void shouldLeaveTheZScoreAtZeroForShortHistoriesAndFlatSales() {
        assertThat(ProfileDerivation.derive(row(sales(11, 0, 10_000, 500, "90000", "0", 0, "0", "10000", "0", "0")),
                WINDOW, CONSTANTS).profile().getRobustZ()).isEqualByComparingTo("0");
        assertThat(ProfileDerivation.derive(row(sales(24, 0, 10_000, 0, "120000", "120000", 12, "0", "10000", "0", "0")),
                WINDOW, CONSTANTS).profile().getRobustZ()).isEqualByComparingTo("0");
        assertThat(ProfileDerivation.derive(row(sales(11, 0, 10_000, 500, "90000", "0", 0, "0", "0", "0", "0")),
                WINDOW, CONSTANTS).profile().getSalesTrendPercent()).as("no year before: no trend").isEqualByComparingTo("0");
    }

    @Test
    void shouldMeasureAPauseInBuyingAgainstTheCustomersOwnRhythm() {
        // a monthly buyer (24 months back to 4 months back, 21 months) that has bought nothing for 3 full months
        CustomerProfile lapsed = profile(new ProfileRow.Sales(21, WINDOW.month(24), 21, WINDOW.month(24), WINDOW.month(4), 0,
                1000, 0, decimal("9000"), decimal("12000"), 12, decimal("0"), decimal("0"), decimal("0"), decimal("3000")));
        assertThat(lapsed.getMonthsSinceLastPurchase()).isEqualTo(3);
        assertThat(lapsed.getUsualPurchaseIntervalMonths()).isEqualByComparingTo("1.00");
        assertThat(lapsed.getPurchaseGapRatio()).as("4 months without a purchase, usually 1").isEqualByComparingTo("4.00");
        // a quarterly buyer (every third month, 8 times) whose last purchase was 2 full months ago: on its rhythm
        CustomerProfile quarterly = profile(new ProfileRow.Sales(8, WINDOW.month(24), 8, WINDOW.month(24), WINDOW.month(3), 0,
                3000, 0, decimal("12000"), decimal("12000"), 4, decimal("0"), decimal("0"), decimal("3000"), decimal("3000")));
        assertThat(quarterly.getUsualPurchaseIntervalMonths()).isEqualByComparingTo("3.00");
        assertThat(quarterly.getPurchaseGapRatio()).isEqualByComparingTo("1.00");
        assertThat(quarterly.getRobustZ()).as("no monthly z-score for an intermittent buyer").isEqualByComparingTo("0");
        // three months with sales are too few for a rhythm
        CustomerProfile rare = profile(new ProfileRow.Sales(3, WINDOW.month(20), 3, WINDOW.month(20), WINDOW.month(10), 0,
                5000, 0, decimal("5000"), decimal("10000"), 2, decimal("0"), decimal("0"), decimal("0"), decimal("0")));
        assertThat(rare.getMonthsSinceLastPurchase()).isEqualTo(9);
        assertThat(rare.getPurchaseGapRatio()).isEqualByComparingTo("0");
    }

    @Test
    void shouldNotMeasureAnOrderSpikeWithTooFewInvoicesToKnowTheOrderSizes() {
        ProfileRow row = new ProfileRow("C1", "SMB", "DACH", "Retail", 5, "A", "B", new BigDecimal("100000.00"), 30, false, null,
                sales(24, 0, 1000, 100, "12000", "12000", 12, "1000", "1000", "3000", "3000"),
                new ReceivableFigures(BigDecimal.ZERO, BigDecimal.ZERO, null, 0, 0, 0, BigDecimal.ZERO),
                new ProfileRow.Aging(null, null, null, null, null, 0, 0, 0, 0, 1000, 1000, 5, 0),
                new ProfileRow.Orders(null, new BigDecimal("50000")));
        assertThat(ProfileDerivation.derive(row, WINDOW, CONSTANTS).profile().getOrderSpikeRatio()).isEqualByComparingTo("0");
    }

    @Test
    void shouldNotCallOneLateInvoiceAPaymentTrend() {
        // two invoices due in the recent half year, 30 days late each, against five paid on time before: too few
        ProfileRow row = new ProfileRow("C1", "SMB", "DACH", "Retail", 5, "A", "B", new BigDecimal("100000.00"), 30, false, null,
                sales(24, 0, 1000, 100, "12000", "12000", 12, "1000", "1000", "3000", "3000"),
                new ReceivableFigures(BigDecimal.ZERO, BigDecimal.ZERO, null, 7, 5, 60, BigDecimal.ZERO),
                new ProfileRow.Aging(null, null, null, null, null, 2, 60, 5, 0, 1000, 1000, 7, 0),
                new ProfileRow.Orders(null, null));
        CustomerProfile p = ProfileDerivation.derive(row, WINDOW, CONSTANTS).profile();
        assertThat(p.getAverageDaysLate()).isEqualByComparingTo("30.00");
        assertThat(p.getDaysLateIncrease()).isEqualByComparingTo("0");
    }

    private static CustomerProfile profile(ProfileRow.Sales sales) {
        return ProfileDerivation.derive(row(sales), WINDOW, CONSTANTS).profile();
    }

    @Test
    void shouldAgeReceivablesAndMeasureUtilizationDsoAndPaymentDeterioration() {
        // given: 30,000 open of which 10,000 over 90 days; 20,000 approved orders; a limit of 40,000
        ReceivableFigures receivables = new ReceivableFigures(new BigDecimal("30000.00"), new BigDecimal("25000.00"),
                AS_OF.minusDays(120), 10, 7, 80, new BigDecimal("365000.00"));
        ProfileRow.Aging aging = new ProfileRow.Aging(new BigDecimal("5000"), new BigDecimal("5000"), new BigDecimal("5000"),
                new BigDecimal("5000"), new BigDecimal("10000"), 5, 60, 5, 10, 4000, 6000, 8, 0);
        ProfileRow row = new ProfileRow("C1", "SMB", "DACH", "Construction", 12, "BBB", "C", new BigDecimal("40000.00"), 30,
                false, 55, sales(24, 0, 10_000, 500, "120000", "100000", 12, "9000", "10000", "30000", "30000"),
                receivables, aging, new ProfileRow.Orders(new BigDecimal("20000"), new BigDecimal("12000")));

        // when
        CustomerProfile p = ProfileDerivation.derive(row, WINDOW, CONSTANTS).profile();

        // then
        assertThat(p.getOverdueAmount()).isEqualByComparingTo("25000.00");
        assertThat(p.getOverdueOver90()).isEqualByComparingTo("10000.00");
        assertThat(p.getOldestOverdueDays()).isEqualTo(120);
        assertThat(p.getTotalExposure()).isEqualByComparingTo("50000.00");
        assertThat(p.getUtilizationPercent()).isEqualByComparingTo("125.0000");
        assertThat(p.getDsoDays()).isEqualByComparingTo("30.00");
        assertThat(p.getOnTimePercent()).isEqualByComparingTo("70.00");
        assertThat(p.getAverageDaysLate()).isEqualByComparingTo("12.00");
        assertThat(p.getAverageDaysLatePrevious()).isEqualByComparingTo("2.00");
        assertThat(p.getDaysLateIncrease()).isEqualByComparingTo("10.00");
        // the recent order of 12,000 against the customer's own large order (90th percentile of its 8 invoices)
        assertThat(p.getLargeOrder()).isEqualByComparingTo("6000.00");
        assertThat(p.getOrderSpikeRatio()).isEqualByComparingTo("2.00");
        assertThat(p.getPreviousScore()).isEqualTo(55);
    }

    @Test
    void shouldMeasureAnUnlimitedExposureAgainstNoLimitAtTheCap() {
        ProfileRow row = new ProfileRow("C1", "SMB", "DACH", "Retail", 3, null, "E", BigDecimal.ZERO.setScale(2), 0, true, null,
                sales(24, 0, 1000, 100, "12000", "12000", 12, "1000", "1000", "3000", "3000"),
                new ReceivableFigures(new BigDecimal("500.00"), BigDecimal.ZERO, null, 0, 0, 0, BigDecimal.ZERO),
                aging(), new ProfileRow.Orders(null, null));

        CustomerProfile p = ProfileDerivation.derive(row, WINDOW, CONSTANTS).profile();

        assertThat(p.getUtilizationPercent()).isEqualByComparingTo("9999.9999");
        assertThat(p.getExternalRating()).isEqualTo("NR");
        assertThat(p.getOnTimePercent()).as("nothing due: on time").isEqualByComparingTo("100");
        assertThat(p.getDsoDays()).isEqualByComparingTo("0");
    }

    @Test
    void shouldReportOnlyDataThatIsWrongAsNotAssessable() {
        assertThat(badData(sales(24, 2, 1000, 10, "12000", "12000", 12, "1000", "1000", "3000", "3000"), aging()))
                .isEqualTo("negative amounts: 2 month(s) of negative sales");
        assertThat(badData(sales(24, 0, 1000, 10, "12000", "12000", 12, "1000", "1000", "3000", "3000"),
                new ProfileRow.Aging(null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 1)))
                .isEqualTo("negative amounts: 1 invoice(s) with a negative amount or payment");
    }

    @Test
    void shouldAssessNewAndDormantAccountsWithTheAgeOfTheirHistory() {
        // no sales at all: a new account, 0 months old
        CustomerProfile none = ProfileDerivation.derive(row(sales(0, 0, 0, 0, null, null, 0, null, null, null, null)),
                WINDOW, CONSTANTS).profile();
        assertThat(none).isNotNull();
        assertThat(none.getAccountAgeMonths()).isZero();
        assertThat(none.getSales12m()).isEqualByComparingTo("0");
        // first sales 5 months ago (January to May 2026, as of 30 June)
        assertThat(ProfileDerivation.derive(row(sales(5, 0, 1000, 0, "5000", "0", 0, "1000", "1000", "3000", "0")),
                WINDOW, CONSTANTS).profile().getAccountAgeMonths()).isEqualTo(5);
        // sales only 13 to 24 months ago: dormant, not new; assessed with zero sales of the last 12 months
        ProfileRow.Sales dormant = new ProfileRow.Sales(12, WINDOW.month(24), 12, WINDOW.month(24), WINDOW.month(13), 0,
                1000, 0, decimal("0"), decimal("12000"),
                12, decimal("0"), decimal("0"), decimal("0"), decimal("3000"));
        CustomerProfile sleeping = ProfileDerivation.derive(row(dormant), WINDOW, CONSTANTS).profile();
        assertThat(sleeping.getAccountAgeMonths()).isEqualTo(24);
        assertThat(sleeping.getSales12m()).isEqualByComparingTo("0");
    }

    private static String badData(ProfileRow.Sales sales, ProfileRow.Aging aging) {
        ProfileRow row = new ProfileRow("C1", "SMB", "DACH", "Retail", 5, "A", "B", new BigDecimal("1000.00"), 30, false, null,
                sales, new ReceivableFigures(BigDecimal.ZERO, BigDecimal.ZERO, null, 0, 0, 0, BigDecimal.ZERO), aging,
                new ProfileRow.Orders(null, null));
        CustomerFigures figures = ProfileDerivation.derive(row, WINDOW, CONSTANTS);
        assertThat(figures.profile()).isNull();
        return figures.badData();
    }

    private static ProfileRow row(ProfileRow.Sales sales) {
        return new ProfileRow("C1", "ENTERPRISE", "DACH", "Construction", 20, "A", "B", new BigDecimal("100000.00"), 30,
                false, null, sales, new ReceivableFigures(BigDecimal.ZERO, BigDecimal.ZERO, null, 0, 0, 0, BigDecimal.ZERO),
                aging(), new ProfileRow.Orders(null, null));
    }

    private static ProfileRow.Aging aging() {
        return new ProfileRow.Aging(null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static ProfileRow.Sales sales(int months, int negativeMonths, double median, double mad, String sales12m,
                                          String previous12m, int monthsPrevious, String lastMonth, String previousMonth,
                                          String last3, String sameMonthsLastYear) {
        // months in a row up to the last full month, so the first one is the months-th last
        LocalDate first = months == 0 ? null : WINDOW.month(months);
        return new ProfileRow.Sales(months, first, months, first, months == 0 ? null : WINDOW.month(1), negativeMonths,
                median, mad, decimal(sales12m), decimal(previous12m), monthsPrevious,
                decimal(lastMonth), decimal(previousMonth), decimal(last3), decimal(sameMonthsLastYear));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
