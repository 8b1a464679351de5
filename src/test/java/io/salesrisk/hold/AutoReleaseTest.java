package io.salesrisk.hold;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * With {@code salesrisk.holds.auto-release=true} a background recheck releases the holds whose reasons cleared; with
 * the counts kept for an hour, the worklist's rows change at once while its counts stay as taken.
 */
@QuarkusTest
@TestProfile(AutoReleaseTest.AutoRelease.class)
class AutoReleaseTest {

    public static class AutoRelease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("salesrisk.holds.auto-release", "true", "salesrisk.holds.counts-max-age", "1h");
        }
    }

    @Test
    void theWorklistsRowsAreCurrentWhileItsCountsAreReusedForTheirMaximumAge() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        String orderId = uniqueId("SO");
        sales().body("""
                {"orderId": "%s", "customerId": "%s", "amount": 120000, "currency": "EUR", "orderDate": "2026-11-20",
                 "paymentTermsDays": 30, "discountPercent": 0, "contractSigned": true, "salesRep": "rep-03"}
                """.formatted(orderId, customer)).post("/api/orders/evaluate").then().body("outcome", equalTo("BLOCK"));
        String countedAt = riskOfficer().queryParam("customerId", customer).get("/api/worklist").then()
                .body("total", equalTo(1)).body("rows.size()", equalTo(1)).extract().path("countsAsOf");
        io.salesrisk.testsupport.Api.risk2().body("""
                {"reasonCode": "CUSTOMER_PAID"}""").post("/api/orders/" + orderId + "/release").then().statusCode(200);
        riskOfficer().queryParam("customerId", customer).get("/api/worklist").then()
                .body("rows.size()", equalTo(0))
                .body("total", equalTo(1))
                .body("countsAsOf", equalTo(countedAt));
    }

    @Test
    void aHoldWhoseReasonsClearedIsReleasedByTheRecheck() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        String orderId = uniqueId("SO");
        sales().body("""
                {"orderId": "%s", "customerId": "%s", "amount": 120000, "currency": "EUR", "orderDate": "2026-11-20",
                 "paymentTermsDays": 30, "discountPercent": 0, "contractSigned": true, "salesRep": "rep-03"}
                """.formatted(orderId, customer)).post("/api/orders/evaluate").then().body("outcome", equalTo("BLOCK"));
        riskOfficer().body(io.salesrisk.testsupport.Api.customer("B", "SMB", "200000", 30)).put("/api/customers/" + customer)
                .then().statusCode(200);
        String run = riskOfficer().body("""
                {"filter": {"customerId": "%s"}}""".formatted(customer)).post("/api/worklist/recheck").then()
                .statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                riskOfficer().get("/api/worklist/recheck-runs/" + run).then().body("status", equalTo("COMPLETED"))
                        .body("released", equalTo(1)));
        auditor().get("/api/orders/" + orderId).then()
                .body("order.status", equalTo("RELEASED"))
                .body("holds[0].status", equalTo("RELEASED"))
                .body("holds[0].resolutionCode", equalTo("AUTO_RELEASED"))
                .body("timeline.what", hasItem("AUTO_RELEASED"));
    }
}
