package io.salesrisk.exposure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.facts.PaymentBehaviour;
import io.salesrisk.reevaluation.profile.CustomerFigures;
import io.salesrisk.reevaluation.profile.ProfileQuery;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.testsupport.ProfileData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One definition of the receivable figures, two readers: the order-time credit figures ({@link ExposureService}) and
 * the nightly profile ({@link ProfileQuery}) must see the same receivables, overdue amount and age, payment
 * behaviour, DSO and credit sales for the same customer on the same day.
 */
@QuarkusTest
class ReceivableFiguresTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /**
     * Invoices issued over the 14 months before {@link #AS_OF} (the 12-month period starts 2025-06-30, 365 days):
     * issue, due, amount, paid, paid on. Expected figures by hand:
     * <ul>
     * <li>open: 5,000 + 9,000 + 3,500 + 2,500 + 1,500 + 12,000 + 1,000 = 34,500.00</li>
     * <li>overdue: 5,000 (30 days, partly paid) + 9,000 (120) + 3,500 (75) + 2,500 (45) + 1,500 (10) = 21,500.00</li>
     * <li>due in the period (2025-06-30 up to, not including, the as-of day): 10, of which paid on time 4: 40.00 %</li>
     * <li>issued in the period (2025-06-30 to the as-of day, inclusive): 58,500.00</li>
     * <li>DSO: 34,500 × 365 ÷ 58,500 = 215.26 days</li>
     * </ul>
     */
    private static final String INVOICES = """
            # paid on time, due before the period: neither due in it nor credit sales of it
            2025-04-30  2025-05-30   4000.00   4000.00  2025-05-28
            # paid on its due date, which is the first day of the period; issued before it
            2025-05-31  2025-06-30   2000.00   2000.00  2025-06-30
            # issued on the first day of the period, paid a day early
            2025-06-30  2025-07-30   3000.00   3000.00  2025-07-29
            2025-07-15  2025-08-14   5000.00   5000.00  2025-08-10
            2025-09-01  2025-10-01   6000.00   6000.00  2025-10-01
            # paid 20 days late
            2025-11-03  2025-12-03   7000.00   7000.00  2025-12-23
            # partly paid, 30 days overdue
            2026-05-01  2026-05-31   8000.00   3000.00  2026-05-25
            # unpaid: 120, 75, 45 and 10 days overdue
            2026-01-31  2026-03-02   9000.00      0.00  -
            2026-03-17  2026-04-16   3500.00      0.00  -
            2026-04-16  2026-05-16   2500.00      0.00  -
            2026-05-21  2026-06-20   1500.00      0.00  -
            # unpaid, due on the as-of day: open, not overdue, not yet due in the period
            2026-05-31  2026-06-30   1000.00      0.00  -
            # unpaid, not yet due
            2026-06-10  2026-07-10  12000.00      0.00  -
            """;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExposureService exposureService;

    @Inject
    ProfileQuery profileQuery;

    @Test
    void shouldGiveOrderTimeAndNightlyFiguresFromTheSameInvoices() {
        // given
        ProfileData customer = ProfileData.customer(uniqueId("RF")).limit("100000").flatSales(AS_OF, 24, "20000");
        withInvoices(customer, INVOICES).insert(dataSource);

        // when
        CreditStanding standing = exposureService.standing(customer.id(), BigDecimal.ZERO, null, AS_OF).orElseThrow();
        CustomerProfile profile = profile(customer.id());

        // then: both paths agree
        CreditExposure exposure = standing.exposure();
        PaymentBehaviour payment = standing.payment();
        assertThat(profile.getOpenReceivables()).isEqualByComparingTo(exposure.getOpenReceivables());
        assertThat(profile.getOverdueAmount()).isEqualByComparingTo(exposure.getOverdueAmount());
        assertThat(profile.getOldestOverdueDays()).isEqualTo(exposure.getOldestOverdueDays());
        assertThat(profile.getInvoicesDue()).isEqualTo(payment.getInvoicesDue());
        assertThat(profile.getOnTimePercent()).isEqualByComparingTo(payment.getOnTimePercent());
        assertThat(profile.getDsoDays()).isEqualByComparingTo(payment.getDsoDays());
        assertThat(profile.getCreditSales12m()).isEqualByComparingTo(payment.getCreditSales());

        // and both are what the invoices say
        assertThat(exposure.getOpenReceivables()).isEqualByComparingTo("34500.00");
        assertThat(exposure.getOverdueAmount()).isEqualByComparingTo("21500.00");
        assertThat(exposure.getOldestOverdueDays()).isEqualTo(120);
        assertThat(payment.getPeriodMonths()).isEqualTo(12);
        assertThat(payment.getInvoicesDue()).isEqualTo(10);
        assertThat(payment.getInvoicesPaidOnTime()).isEqualTo(4);
        assertThat(payment.getOnTimePercent()).isEqualByComparingTo("40.00");
        assertThat(payment.getCreditSales()).isEqualByComparingTo("58500.00");
        assertThat(payment.getDsoDays()).isEqualByComparingTo("215.26");
        // the profile's aging buckets add up to the same overdue amount
        assertThat(profile.getOverdue1To30()).isEqualByComparingTo("6500.00");
        assertThat(profile.getOverdue31To60()).isEqualByComparingTo("2500.00");
        assertThat(profile.getOverdue61To90()).isEqualByComparingTo("3500.00");
        assertThat(profile.getOverdueOver90()).isEqualByComparingTo("9000.00");
        assertThat(profile.getNotDueAmount()).isEqualByComparingTo("13000.00");
    }

    @Test
    void shouldGiveTheSameEmptyFiguresForACustomerWithoutInvoices() {
        // given
        ProfileData customer = ProfileData.customer(uniqueId("RF")).flatSales(AS_OF, 24, "20000").insert(dataSource);

        // when
        CreditStanding standing = exposureService.standing(customer.id(), BigDecimal.ZERO, null, AS_OF).orElseThrow();
        CustomerProfile profile = profile(customer.id());

        // then
        assertThat(profile.getOpenReceivables()).isEqualByComparingTo(standing.exposure().getOpenReceivables()).isZero();
        assertThat(profile.getOverdueAmount()).isEqualByComparingTo(standing.exposure().getOverdueAmount()).isZero();
        assertThat(profile.getOldestOverdueDays()).isEqualTo(standing.exposure().getOldestOverdueDays()).isZero();
        assertThat(profile.getInvoicesDue()).isEqualTo(standing.payment().getInvoicesDue()).isZero();
        assertThat(profile.getOnTimePercent()).isEqualByComparingTo(standing.payment().getOnTimePercent())
                .isEqualByComparingTo("100");
        assertThat(profile.getDsoDays()).isEqualByComparingTo(standing.payment().getDsoDays()).isZero();
        assertThat(profile.getCreditSales12m()).isEqualByComparingTo(standing.payment().getCreditSales()).isZero();
    }

    /** The nightly profile of one customer as of {@link #AS_OF}, read as a run over all customers reads its chunk. */
    private CustomerProfile profile(String customerId) {
        RunConstants constants = new RunConstants(AS_OF, BigDecimal.ONE, Map.of(), BigDecimal.TEN, BigDecimal.ONE, 90);
        List<CustomerFigures> figures = QuarkusTransaction.requiringNew().call(() ->
                profileQuery.load(UUID.randomUUID(), RunScope.all(), customerId, customerId, constants));
        assertThat(figures).hasSize(1);
        assertThat(figures.get(0).badData()).isNull();
        return figures.get(0).profile();
    }

    /** Adds the invoices of a fixture: issue, due, amount, paid, paid on ("-" for none); lines with # are comments. */
    private static ProfileData withInvoices(ProfileData customer, String fixture) {
        fixture.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            String[] f = line.split("\\s+");
            customer.invoice(LocalDate.parse(f[0]), LocalDate.parse(f[1]), f[2], f[3],
                    f[4].equals("-") ? null : LocalDate.parse(f[4]));
        });
        return customer;
    }
}
