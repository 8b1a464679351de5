package io.salesrisk.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    @Test
    void shouldGenerateTheSameCustomerForTheSameSeedDayAndIndex() {
        DemoCustomer first = new DemoDataGenerator(42, AS_OF, 24, 24).customer(17);
        DemoCustomer again = new DemoDataGenerator(42, AS_OF, 24, 24).customer(17);
        DemoCustomer otherSeed = new DemoDataGenerator(43, AS_OF, 24, 24).customer(17);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void shouldGenerateTwentyFourMonthsOfSeasonalSalesEndingLastMonth() {
        DemoCustomer customer = new DemoDataGenerator(42, AS_OF, 24, 24).customer(3);

        assertThat(customer.sales()).hasSize(24);
        assertThat(customer.sales().get(23).month().toString()).isEqualTo("2026-10");
        assertThat(customer.sales()).allSatisfy(month -> assertThat(month.amount()).isPositive());
        assertThat(customer.invoices()).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void shouldPlantEachKindOfRiskInTheFirstHundredCustomers() {
        DemoDataGenerator generator = new DemoDataGenerator(42, AS_OF, 24, 24);
        var risks = IntStream.range(0, 100).mapToObj(generator::customer).map(DemoCustomer::injectedRisk).toList();

        assertThat(risks).contains("OVER_LIMIT", "LONG_OVERDUE", "DISCOUNT_ABUSE", "DETERIORATING");
    }

    @Test
    void shouldBuyTheWayB2bCustomersDo() {
        DemoDataGenerator generator = new DemoDataGenerator(42, AS_OF, 24, 24);
        var customers = IntStream.range(0, 400).mapToObj(generator::customer).toList();
        java.time.YearMonth last = java.time.YearMonth.of(2026, 10);

        // most buy every month, a good share now and then, a few are new accounts
        long monthly = customers.stream().filter(c -> c.sales().size() == 24).count();
        long intermittent = customers.stream().filter(c -> c.sales().size() < 24 && c.sales().get(0).month().isBefore(last.minusMonths(18))).count();
        long young = customers.stream().filter(c -> c.sales().get(0).month().isAfter(last.minusMonths(12))).count();
        assertThat(monthly).isBetween(220L, 320L);
        assertThat(intermittent).isBetween(60L, 140L);
        assertThat(young).isBetween(8L, 40L);
        // one invoice per month with sales
        assertThat(customers.get(0).invoices().stream().filter(i -> !i.id().endsWith("DISPUTED")))
                .hasSize(Math.min(24, customers.get(0).sales().size()));

        // the planted churner bought every month until one to eight months ago; the seasonal buyer only in its season
        DemoCustomer churner = customers.get(17);
        assertThat(churner.injectedRisk()).isEqualTo("CHURN");
        int bought = churner.sales().size();
        assertThat(bought).isBetween(16, 23);
        assertThat(churner.sales().get(0).month()).isEqualTo(last.minusMonths(23));
        assertThat(churner.sales().get(bought - 1).month()).isEqualTo(last.minusMonths(24 - bought));
        DemoCustomer seasonal = customers.get(19);
        assertThat(seasonal.injectedRisk()).isEqualTo("SEASONAL_LULL");
        assertThat(seasonal.sales()).hasSize(12);
        assertThat(seasonal.sales().stream().map(m -> m.month().getMonthValue()).distinct()).hasSize(6);
    }

    @Test
    void shouldPutAnOverLimitCustomerAboveItsLimit() {
        DemoCustomer customer = new DemoDataGenerator(42, AS_OF, 24, 24).customer(7);
        BigDecimal open = customer.invoices().stream().filter(i -> i.paidDate() == null)
                .map(DemoCustomer.Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(customer.injectedRisk()).isEqualTo("OVER_LIMIT");
        assertThat(open).isGreaterThan(customer.creditLimit());
    }

    @Test
    void shouldGiveALongOverdueCustomerAnInvoiceFiveMonthsPastDue() {
        DemoCustomer customer = new DemoDataGenerator(42, AS_OF, 24, 24).customer(5);

        assertThat(customer.injectedRisk()).isEqualTo("LONG_OVERDUE");
        assertThat(customer.invoices()).anySatisfy(invoice -> {
            assertThat(invoice.paidDate()).isNull();
            assertThat(invoice.dueDate()).isBefore(AS_OF.minusDays(100));
        });
    }
}
