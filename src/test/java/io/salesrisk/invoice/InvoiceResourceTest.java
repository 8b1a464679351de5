package io.salesrisk.invoice;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class InvoiceResourceTest {

    private static String invoice(String customerId, String orderId, LocalDate issue, LocalDate due, String amount,
                                  String paid, LocalDate paidDate) {
        return """
                {"customerId": "%s", "orderId": %s, "issueDate": "%s", "dueDate": "%s", "amount": %s,
                 "paidAmount": %s, "paidDate": %s}
                """.formatted(customerId, orderId == null ? "null" : "\"" + orderId + "\"", issue, due, amount, paid,
                paidDate == null ? "null" : "\"" + paidDate + "\"");
    }

    @Test
    void shouldCountOpenAndOverdueInvoicesInTheExposure() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        LocalDate today = LocalDate.now();
        riskOfficer().body(invoice(customer, null, today.minusDays(70), today.minusDays(40), "20000", "5000", today.minusDays(45)))
                .put("/api/invoices/" + uniqueId("I")).then().statusCode(201).body("openAmount", equalTo(15000.00f));
        riskOfficer().body(invoice(customer, null, today.minusDays(5), today.plusDays(25), "30000", "0", null))
                .put("/api/invoices/" + uniqueId("I")).then().statusCode(201);
        riskOfficer().body(invoice(customer, null, today.minusDays(90), today.minusDays(60), "8000", "8000", today.minusDays(61)))
                .put("/api/invoices/" + uniqueId("I")).then().statusCode(201);

        riskOfficer().get("/api/customers/" + customer).then().statusCode(200)
                .body("exposure.openReceivables", equalTo(45000.00f))
                .body("exposure.overdueAmount", equalTo(15000.00f))
                .body("exposure.oldestOverdueDays", equalTo(40))
                .body("exposure.utilizationPercent", equalTo(45.0f))
                .body("payment.invoicesDue", equalTo(2))
                .body("payment.invoicesPaidOnTime", equalTo(1));
    }

    @Test
    void shouldListEveryInconsistency() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        LocalDate today = LocalDate.now();
        riskOfficer().body(invoice(customer, null, today, today.minusDays(1), "100", "150", null))
                .put("/api/invoices/" + uniqueId("I")).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("dueDate", "paidAmount", "paidDate"));
    }

    @Test
    void shouldRefuseAnInvoiceForAnotherCustomersOrder() {
        String owner = createCustomer("A", "SMB", "100000", 30);
        String other = createCustomer("A", "SMB", "100000", 30);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, owner, "1000", "EUR", 30, "0", true)).post("/api/orders/evaluate").then().statusCode(200);
        LocalDate today = LocalDate.now();

        riskOfficer().body(invoice(other, orderId, today, today.plusDays(30), "1000", "0", null))
                .put("/api/invoices/" + uniqueId("I")).then().statusCode(422)
                .body("errors[0].field", equalTo("orderId"));
    }

    @Test
    void shouldAnswer404ForAnUnknownCustomer() {
        LocalDate today = LocalDate.now();
        riskOfficer().body(invoice("NOPE", null, today, today.plusDays(30), "100", "0", null))
                .put("/api/invoices/" + uniqueId("I")).then().statusCode(404)
                .body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void shouldMoveAnInvoicedOrderFromOpenOrdersToReceivables() {
        String customer = createCustomer("A", "SMB", "100000", 30);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "10000", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200).body("outcome", equalTo("APPROVE"));
        riskOfficer().get("/api/customers/" + customer).then().body("exposure.openOrders", equalTo(10000.00f));

        LocalDate today = LocalDate.now();
        riskOfficer().body(invoice(customer, orderId, today, today.plusDays(30), "10000", "0", null))
                .put("/api/invoices/" + uniqueId("I")).then().statusCode(201);

        riskOfficer().get("/api/customers/" + customer).then()
                .body("exposure.openOrders", equalTo(0.00f))
                .body("exposure.openReceivables", equalTo(10000.00f));
        sales().body(order(orderId, customer, "10000", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(409).body("errors[0].field", equalTo("orderId"));
    }
}
