package io.salesrisk.drill;

import io.salesrisk.drill.scenario.Scenario;
import io.salesrisk.drill.scenario.ScenarioFacts;
import io.salesrisk.invoice.persistence.OpenInvoiceQuery.OpenInvoice;
import io.salesrisk.invoice.persistence.ReceivableFigures;
import io.salesrisk.reevaluation.profile.ProfileRow;
import io.salesrisk.reevaluation.profile.ProfileWindow;
import io.salesrisk.reevaluation.run.RunConstants;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenarios applied to copies of the facts, without a database: aging, payment figures, sales, indices. */
class ScenarioFactsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final ProfileWindow WINDOW = new ProfileWindow(AS_OF, 90, 12);

    @Test
    void shouldMoveADefaultedCustomersOpenInvoicesPast90DaysWithTheirPaymentFigures() {
        // given: 1,000 not due, 500 due 10 days ago, 300 due 100 days ago (older already)
        ProfileRow row = row("C1", "1000", "500", "0", "0", "300", AS_OF.minusDays(100), 2, 110);
        List<OpenInvoice> open = List.of(invoice("i1", "C1", AS_OF.plusDays(5), "1000"),
                invoice("i2", "C1", AS_OF.minusDays(10), "500"), invoice("i3", "C1", AS_OF.minusDays(100), "300"));

        // when
        ProfileRow after = ScenarioFacts.apply(scenario(Scenario.Kind.CUSTOMER_DEFAULT, "C1", null), row, open, WINDOW);

        // then: everything is over 90 days; the not-due invoice is now due (91 days late), the other moved 10 -> 91
        assertThat(after.aging().notDue()).isEqualByComparingTo("0");
        assertThat(after.aging().overdue1To30()).isEqualByComparingTo("0");
        assertThat(after.aging().overdueOver90()).isEqualByComparingTo("1800");
        assertThat(after.receivables().overdueAmount()).isEqualByComparingTo("1800");
        assertThat(after.receivables().oldestOverdueDue()).isEqualTo(AS_OF.minusDays(100));
        assertThat(after.receivables().invoicesDue()).isEqualTo(3);
        assertThat(after.receivables().totalDaysLate()).isEqualTo(110 - 10 + 91 + 91);
        assertThat(after.aging().dueEarlier() + after.aging().dueRecent()).isEqualTo(row.aging().dueEarlier()
                + row.aging().dueRecent() + 1);
        assertThat(after.receivables().openReceivables()).isEqualByComparingTo(row.receivables().openReceivables());
    }

    @Test
    void shouldLeaveOtherCustomersAndOlderInvoicesAsTheyAre() {
        ProfileRow row = row("C2", "1000", "0", "0", "0", "0", null, 0, 0);
        List<OpenInvoice> open = List.of(invoice("i1", "C2", AS_OF.plusDays(5), "1000"));
        assertThat(ScenarioFacts.apply(scenario(Scenario.Kind.CUSTOMER_DEFAULT, "C1", null), row, open, WINDOW)).isSameAs(row);
        ProfileRow none = ScenarioFacts.apply(share("0"), row, open, WINDOW);
        assertThat(none.aging().notDue()).isEqualByComparingTo("1000");
        ProfileRow all = ScenarioFacts.apply(share("100"), row, open, WINDOW);
        // 60 days past due is the 31-60 bucket, as the profile query ages
        assertThat(all.aging().overdue31To60()).isEqualByComparingTo("1000");
        assertThat(all.receivables().oldestOverdueDue()).isEqualTo(AS_OF.minusDays(60));
    }

    @Test
    void shouldPickTheSameShareOfInvoicesEveryTime() {
        long picked = IntStream.range(0, 10_000).filter(i -> ScenarioFacts.picked("INV-" + i, new BigDecimal("25"))).count();
        assertThat(picked).isBetween(2_300L, 2_700L);
        assertThat(IntStream.range(0, 100).filter(i -> ScenarioFacts.picked("INV-" + i, new BigDecimal("25"))).boxed().toList())
                .isEqualTo(IntStream.range(0, 100).filter(i -> ScenarioFacts.picked("INV-" + i, new BigDecimal("25"))).boxed().toList());
        assertThat(ScenarioFacts.picked("INV-1", BigDecimal.ZERO)).isFalse();
        assertThat(ScenarioFacts.picked("INV-1", new BigDecimal("100"))).isTrue();
    }

    @Test
    void shouldDropTheLastThreeMonthsOfASegmentsSales() {
        ProfileRow row = row("C3", "0", "0", "0", "0", "0", null, 0, 0);
        ProfileRow after = ScenarioFacts.apply(new Scenario(Scenario.Kind.SALES_DROP, null, "SMB", null, null,
                new BigDecimal("30"), null), row, List.of(), WINDOW);
        assertThat(after.sales().last3Months()).isEqualByComparingTo("2100");
        assertThat(after.sales().lastMonth()).isEqualByComparingTo("700");
        assertThat(after.sales().sales12m()).isEqualByComparingTo("11100");
        assertThat(after.sales().sameMonthsLastYear()).isEqualByComparingTo("3000");
        assertThat(ScenarioFacts.touches(new Scenario(Scenario.Kind.SALES_DROP, null, "ENTERPRISE", null, null,
                new BigDecimal("30"), null), row)).isFalse();
    }

    @Test
    void shouldLowerAnIndustrysIndex() {
        RunConstants constants = new RunConstants(AS_OF, new BigDecimal("1000000"), Map.of("Retail",
                new RunConstants.IndustryIndex(AS_OF.withDayOfMonth(1), new BigDecimal("95"), new BigDecimal("100"),
                        new BigDecimal("5.00"))), new BigDecimal("20"), new BigDecimal("1000"), 90);
        RunConstants after = ScenarioFacts.constants(new Scenario(Scenario.Kind.MARKET_INDEX_DROP, null, null, null,
                "Retail", new BigDecimal("20"), null), constants);
        assertThat(after.indexDropPercent("Retail")).isEqualByComparingTo("24.00");
        assertThat(constants.indexDropPercent("Retail")).isEqualByComparingTo("5.00");
    }

    private static Scenario scenario(Scenario.Kind kind, String customerId, BigDecimal share) {
        return new Scenario(kind, customerId, null, null, null, null, share);
    }

    private static Scenario share(String percent) {
        return scenario(Scenario.Kind.INVOICES_OVERDUE, null, new BigDecimal(percent));
    }

    private static OpenInvoice invoice(String id, String customer, LocalDate due, String open) {
        return new OpenInvoice(id, customer, due, new BigDecimal(open));
    }

    /** A customer with flat sales of 1,000 a month and the given aging; {@code due} invoices due in the period. */
    private static ProfileRow row(String id, String notDue, String d30, String d60, String d90, String over90,
                                  LocalDate oldest, int due, long daysLate) {
        BigDecimal open = new BigDecimal(notDue).add(new BigDecimal(d30)).add(new BigDecimal(d60)).add(new BigDecimal(d90))
                .add(new BigDecimal(over90));
        BigDecimal overdue = open.subtract(new BigDecimal(notDue));
        ProfileRow.Sales sales = new ProfileRow.Sales(24, AS_OF.minusMonths(24), 24, AS_OF.minusMonths(24),
                AS_OF.minusMonths(1), 0, 1000, 0, new BigDecimal("12000"), new BigDecimal("12000"), 12,
                new BigDecimal("1000"), new BigDecimal("1000"), new BigDecimal("3000"), new BigDecimal("3000"));
        return new ProfileRow(id, "SMB", "DACH", "Retail", 10, "A", "B", new BigDecimal("10000"), 30, false, 70, sales,
                new ReceivableFigures(open, overdue, oldest, due, 0, daysLate, new BigDecimal("12000")),
                new ProfileRow.Aging(new BigDecimal(notDue), new BigDecimal(d30), new BigDecimal(d60), new BigDecimal(d90),
                        new BigDecimal(over90), due, daysLate, 0, 0, 1000, 1500, 12, 0),
                new ProfileRow.Orders(BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
