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
