package io.salesrisk.hold;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.hold.service.HoldTriggers;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.risk2;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What rechecks holds without an officer: a payment recorded for the customer, a completed re-evaluation run, and a
 * release whose validity ran out.
 */
@QuarkusTest
class HoldTriggersTest {

    @Inject
    HoldTriggers triggers;
    @Inject
    AgroalDataSource dataSource;

    private static String order(String orderId, String customerId, String amount) {
        return """
                {"orderId": "%s", "customerId": "%s", "amount": %s, "currency": "EUR", "orderDate": "2026-11-20",
                 "paymentTermsDays": 30, "discountPercent": 0, "contractSigned": true, "salesRep": "rep-03"}
                """.formatted(orderId, customerId, amount);
    }

    private static String invoice(String customer, String paid) {
        LocalDate today = LocalDate.now();
        return """
                {"customerId": "%s", "issueDate": "%s", "dueDate": "%s", "amount": 50000, "paidAmount": %s%s}
                """.formatted(customer, today.minusDays(5), today.plusDays(25), paid,
                paid.equals("0") ? "" : ", \"paidDate\": \"" + today + "\"");
    }

    @Test
    void aPaymentThatClearsTheReasonsMarksTheCustomersHoldReadyToRelease() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        String invoiceId = uniqueId("I");
        riskOfficer().body(invoice(customer, "0")).put("/api/invoices/" + invoiceId).then().statusCode(201);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "60000")).post("/api/orders/evaluate").then().body("outcome", equalTo("BLOCK"));

        riskOfficer().body(invoice(customer, "50000")).put("/api/invoices/" + invoiceId).then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                riskOfficer().queryParam("customerId", customer).get("/api/worklist").then()
                        .body("rows[0].readyToRelease", equalTo(true))
                        .body("rows[0].readyNote", containsString("the rules approve it now")));
        riskOfficer().get("/api/worklist/recheck-runs").then().statusCode(200)
                .body("find { it.requestedBy == 'payment " + invoiceId + "' }.trigger", equalTo("PAYMENT"))
                .body("find { it.requestedBy == 'payment " + invoiceId + "' }.readyToRelease", equalTo(1));
        auditor().get("/api/orders/" + orderId).then().body("timeline.what", hasItem("READY_TO_RELEASE"));
    }

    @Test
    void aCompletedReEvaluationRunRechecksTheOpenHolds() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        sales().body(order(uniqueId("SO"), customer, "150000")).post("/api/orders/evaluate").then().body("outcome", equalTo("BLOCK"));
        String location = riskOfficer().body(Map.of("customerIds", List.of(customer))).post("/api/reevaluations").then()
                .statusCode(202).extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                riskOfficer().get(location).then().body("status", equalTo("COMPLETED")));
        String runId = location.substring(location.lastIndexOf('/') + 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                riskOfficer().get("/api/worklist/recheck-runs").then()
                        .body("find { it.requestedBy == 're-evaluation " + runId + "' }.status", equalTo("COMPLETED"))
                        .body("find { it.requestedBy == 're-evaluation " + runId + "' }.trigger", equalTo("REEVALUATION")));
    }

    @Test
    void aRecheckRunWhoseInstanceStoppedIsReportedFailedNotRunningForEver() throws Exception {
        java.util.UUID id = java.util.UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO hold_recheck_runs (id, status, run_trigger, requested_by, filter, total, checked, cleared,
                       released, still_held, failed, created_at, updated_at)
                     VALUES (?, 'RUNNING', 'REQUEST', 'risk', '{}', 500, 200, 0, 0, 200, 0, ?, ?)""")) {
            java.time.OffsetDateTime stalled = java.time.OffsetDateTime.now().minusMinutes(30);
            insert.setObject(1, id);
            insert.setObject(2, stalled);
            insert.setObject(3, stalled);
            insert.executeUpdate();
        }
        triggers.failStalledRechecks();
        riskOfficer().get("/api/worklist/recheck-runs/" + id).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("checked", equalTo(200))
                .body("failure", containsString("the instance running it stopped"));
    }

    @Test
    void aReleaseWhoseValidityRanOutIsPutBackForAFullRecheck() throws Exception {
        String customer = createCustomer("A", "ENTERPRISE", "100000", 60);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "101000")).post("/api/orders/evaluate").then().body("outcome", equalTo("BLOCK"));
        risk2().body("""
                {"reasonCode": "CUSTOMER_PAID", "validityDays": 5}""").post("/api/orders/" + orderId + "/release").then()
                .statusCode(200).body("validUntil", equalTo(LocalDate.now().plusDays(5).toString()));

        // six days later, as far as the release is concerned
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE holds SET release_valid_until = ? WHERE order_id = ? AND status = 'RELEASED'")) {
            update.setObject(1, LocalDate.now().minusDays(1));
            update.setString(2, orderId);
            update.executeUpdate();
        }
        triggers.putBackExpiredReleases();

        auditor().get("/api/orders/" + orderId).then()
                .body("order.status", equalTo("BLOCKED"))
                .body("holds.status", org.hamcrest.Matchers.contains("RELEASED", "OPEN"))
                .body("holds[1].rehold", equalTo(true))
                .body("timeline.what", hasItem("RELEASE_EXPIRED"));
        // a second pass does not put it back again
        triggers.putBackExpiredReleases();
        auditor().get("/api/orders/" + orderId).then().body("holds.size()", equalTo(2));
    }
}
