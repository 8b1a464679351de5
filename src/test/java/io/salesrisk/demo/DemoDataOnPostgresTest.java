package io.salesrisk.demo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.sales;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Demo data written to PostgreSQL gives the decisions its planted risks call for. */
@QuarkusTest
class DemoDataOnPostgresTest {

    @Inject
    DemoDataWriter writer;

    @Transactional
    void load(List<DemoCustomer> customers) {
        writer.write(customers, OffsetDateTime.now());
    }

    @Test
    void shouldBlockThePlantedOverLimitCustomer() throws Exception {
        DemoDataGenerator generator = new DemoDataGenerator(4242, LocalDate.now(), 24, 24);
        List<DemoCustomer> customers = IntStream.range(0, 60).mapToObj(generator::customer)
                .map(c -> new DemoCustomer("DEMO-" + c.id(), c.name(), c.segment(), c.region(), c.industry(),
                        c.yearsInBusiness(), c.externalRating(), c.riskClass(), c.creditLimit(), c.paymentTermsDays(),
                        c.sales(), c.invoices().stream().map(i -> new DemoCustomer.Invoice("DEMO-" + i.id(), i.issueDate(),
                        i.dueDate(), i.amount(), i.paidAmount(), i.paidDate())).toList(),
                        c.orders().stream().map(o -> new DemoCustomer.OpenOrder("DEMO-" + o.id(), o.amount(), o.orderDate(),
                                o.paymentTermsDays(), o.discountPercent(), o.contractSigned(), o.salesRep(),
                                o.requestedDeliveryDate(), o.status())).toList(), c.injectedRisk()))
                .toList();
        load(customers);

        sales().body(order("DEMO-SO-1", "DEMO-C000008", "1000", "EUR", 14, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200)
                .body("outcome", equalTo("BLOCK"))
                .body("reasons.rule", hasItem(org.hamcrest.Matchers.startsWith("CreditLimitExceeded[")));
        sales().body(order("DEMO-SO-2", "DEMO-C000006", "1000", "EUR", 14, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200)
                .body("outcome", equalTo("BLOCK"))
                .body("reasons.rule", hasItem(org.hamcrest.Matchers.startsWith("OverdueTooLong[")));
    }
}
