package io.salesrisk.hold;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.salesrisk.testsupport.Api.as;
import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.risk2;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The held-order workflow over real HTTP and PostgreSQL: holds opened by evaluations, the worklist, releases under
 * the shipped release-authority table (level 1 risk, level 2 risk2 and risk3), four-eyes, rejection, forwarding,
 * follow-ups, rechecks, the release tolerance and the order's lifecycle events.
 */
@QuarkusTest
class HeldOrdersTest {

    private static final String EVALUATE = "/api/orders/evaluate";

    /** A class-A customer with a limit of 1,000,000 and an order {@code over} above it (BLOCK by CreditLimitExceeded). */
    private static String heldOrder(String riskClass, String over) {
        String customer = createCustomer(riskClass, "ENTERPRISE", "1000000", 60);
        String orderId = uniqueId("SO");
        String amount = new java.math.BigDecimal("1000000").add(new java.math.BigDecimal(over)).toPlainString();
        sales().body(order(orderId, customer, amount)).post(EVALUATE).then().statusCode(200).body("outcome", equalTo("BLOCK"));
        return orderId;
    }

    private static String order(String orderId, String customerId, String amount) {
        return """
                {"orderId": "%s", "customerId": "%s", "amount": %s, "currency": "EUR", "orderDate": "2026-11-20",
                 "paymentTermsDays": 30, "discountPercent": 0, "contractSigned": true, "salesRep": "rep-03",
                 "requestedDeliveryDate": "2026-12-15"}
                """.formatted(orderId, customerId, amount);
    }

    private static ValidatableResponse release(io.restassured.specification.RequestSpecification as, String orderId) {
        return as.body("""
                {"reasonCode": "STRATEGIC_CUSTOMER", "comment": "long-standing customer"}""")
                .post("/api/orders/" + orderId + "/release").then();
    }

    @Test
    void anEvaluationThatHoldsOpensAHoldShownInTheWorklistWithWhatApprovesIt() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "141500")).post(EVALUATE).then().statusCode(200).body("outcome", equalTo("BLOCK"));

        riskOfficer().queryParam("customerId", customer).get("/api/worklist").then().statusCode(200)
                .body("total", equalTo(1))
                .body("rows[0].orderId", equalTo(orderId))
                .body("rows[0].status", equalTo("OPEN"))
                .body("rows[0].outcome", equalTo("BLOCK"))
                .body("rows[0].riskClass", equalTo("B"))
                .body("rows[0].customerName", equalTo("Test Customer AG"))
                .body("rows[0].amount", equalTo(141500.00f))
                .body("rows[0].creditLimit", equalTo(100000.00f))
                .body("rows[0].amountOverLimit", equalTo(41500.00f))
                .body("rows[0].holdingRules", hasItem("CreditLimitExceeded[B]"))
                .body("rows[0].reasons[0].source", containsString("order-credit-checks.xlsx"))
                .body("rows[0].approvesWith", hasItems("approves at or below 100,000.00", "approves with prepayment"))
                .body("byHoldingRule.'CreditLimitExceeded[B]'", equalTo(1))
                .body("byAge.'0-1d'", equalTo(1))
                .body("byAge.'over 7d'", equalTo(0));

        riskOfficer().queryParam("holdingRule", "CreditLimitExceeded[B]").queryParam("segment", "SMB")
                .queryParam("outcome", "BLOCK").queryParam("sort", "OVER_LIMIT").queryParam("direction", "desc")
                .get("/api/worklist").then().statusCode(200)
                .body("rows.orderId", hasItem(orderId))
                .body("byHoldingRule.'CreditLimitExceeded[B]'", greaterThanOrEqualTo(1));
        riskOfficer().queryParam("sort", "price").queryParam("outcome", "MAYBE").get("/api/worklist").then().statusCode(422)
                .body("errors.field", hasItems("sort", "outcome"))
                .body("errors.message", hasItem(containsString("allowed: [AGE, AMOUNT, OVER_LIMIT]")));
        sales().get("/api/worklist").then().statusCode(403);
    }

    @Test
    void aLevelOneOfficerReleasesUpToFiftyThousandOverTheLimitAndTheOrderCountsAsApproved() {
        String orderId = heldOrder("A", "50000");
        release(riskOfficer(), orderId).statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("orderStatus", equalTo("RELEASED"))
                .body("actor", equalTo("risk"))
                .body("authorityRow", containsString("Level1UpTo50k (release-authority.xlsx, sheet Authority, row 10)"));
        auditor().get("/api/orders/" + orderId).then().statusCode(200)
                .body("order.status", equalTo("RELEASED"))
                .body("holds[0].status", equalTo("RELEASED"))
                .body("holds[0].closedBy", equalTo("risk"))
                .body("holds[0].resolutionCode", equalTo("STRATEGIC_CUSTOMER"))
                .body("timeline.kind", contains("DECISION", "HOLD_OPENED", "ACTION"))
                .body("timeline[2].what", equalTo("RELEASED"))
                .body("timeline[2].comment", equalTo("long-standing customer"))
                .body("timeline[2].details", containsString("Level1UpTo50k"));
        // acting on a closed hold names its state
        riskOfficer().body("""
                {"reasonCode": "CREDIT_RISK_TOO_HIGH"}""").post("/api/orders/" + orderId + "/reject").then().statusCode(409)
                .body("detail", containsString("is released (by risk at"));
    }

    @Test
    void justPastALevelOneOfficersAuthorityTheReleaseWaitsForALevelTwoOfficer() {
        String orderId = heldOrder("A", "50000.01");
        release(riskOfficer(), orderId).statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("orderStatus", equalTo("BLOCKED"))
                .body("message", containsString("pending a second officer's approval"))
                .body("authorityRow", containsString("Level1Above50k"));
        riskOfficer().queryParam("status", "PENDING_APPROVAL").get("/api/worklist").then().statusCode(200)
                .body("rows.find { it.orderId == '" + orderId + "' }.pendingSecondApprovalAfter", equalTo("risk"));
        // the same officer cannot give the second approval
        release(riskOfficer(), orderId).statusCode(403).body("detail", containsString("the second must come from another officer"));
        release(risk2(), orderId).statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("message", equalTo("released by risk and risk2 (STRATEGIC_CUSTOMER)"))
                .body("authorityRow", containsString("Level2UpTo250k"));
    }

    @Test
    void aboveTwoHundredFiftyThousandOverTheLimitTwoLevelTwoOfficersMustApprove() {
        String atLimit = heldOrder("A", "250000");
        release(risk2(), atLimit).statusCode(200).body("status", equalTo("RELEASED"));

        String past = heldOrder("A", "250000.01");
        release(risk2(), past).statusCode(200).body("status", equalTo("PENDING_APPROVAL"))
                .body("authorityRow", containsString("Level2Above250kFirst"));
        // a level 1 officer cannot give the second approval: it stays pending, and the row says why
        release(riskOfficer(), past).statusCode(403)
                .body("errors[0].field", equalTo("authority"))
                .body("detail", containsString("release refused for a level 1 officer by row Level1Above50k (release-authority.xlsx, sheet Authority, row 11)"));
        as("risk3", "risk123").body("""
                {"reasonCode": "COLLATERAL_RECEIVED", "conditions": ["PREPAYMENT_REQUIRED"], "validityDays": 10}""")
                .post("/api/orders/" + past + "/release").then().statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("authorityRow", containsString("Level2Above250kSecond"))
                .body("validUntil", equalTo(LocalDate.now().plusDays(10).toString()));
    }

    @Test
    void aRefusedReleaseNamesTheRowThatRefusedIt() {
        String orderId = heldOrder("E", "10");
        release(riskOfficer(), orderId).statusCode(403)
                .body("detail", containsString("by row Level1BlockedClassE (release-authority.xlsx, sheet Authority, row 12): blocked orders of risk class E are released by level 2 only"));
        auditor().get("/api/orders/" + orderId).then().body("holds[0].status", equalTo("OPEN"));
    }

    @Test
    void theSalesRepAndTheEntererMayNotReleaseAndSalesUsersCannotAct() {
        String customer = createCustomer("A", "ENTERPRISE", "100000", 60);
        String byRep = uniqueId("SO");
        sales().body(order(byRep, customer, "120000").replace("rep-03", "risk")).post(EVALUATE).then().statusCode(200);
        release(riskOfficer(), byRep).statusCode(403).body("detail", containsString("risk is the sales rep of order"));

        String entered = uniqueId("SO");
        risk2().body(order(entered, customer, "120000")).post(EVALUATE).then().statusCode(200).body("outcome", equalTo("BLOCK"));
        release(risk2(), entered).statusCode(403).body("detail", containsString("risk2 entered order"));
        release(sales(), entered).statusCode(403);
        release(riskOfficer(), entered).statusCode(200).body("status", equalTo("RELEASED"));
    }

    @Test
    void badInputIsRefusedWithTheAllowedValuesAndChangesNothing() {
        String orderId = heldOrder("A", "1000");
        riskOfficer().body("""
                {"reasonCode": "BECAUSE"}""").post("/api/orders/" + orderId + "/release").then().statusCode(422)
                .body("errors[0].field", equalTo("reasonCode"))
                .body("errors[0].message", containsString("allowed: CUSTOMER_PAID, COLLATERAL_RECEIVED"));
        riskOfficer().body("""
                {"reasonCode": "CUSTOMER_PAID", "conditions": ["FREE_BEER"]}""").post("/api/orders/" + orderId + "/release")
                .then().statusCode(422).body("errors[0].field", equalTo("conditions[0]"))
                .body("errors[0].message", containsString("PREPAYMENT_REQUIRED"));
        riskOfficer().body("""
                {"reasonCode": "NOPE"}""").post("/api/orders/" + orderId + "/reject").then().statusCode(422)
                .body("errors[0].message", containsString("CREDIT_RISK_TOO_HIGH"));
        riskOfficer().body("""
                {"date": "%s"}""".formatted(LocalDate.now().minusDays(1))).post("/api/orders/" + orderId + "/follow-up")
                .then().statusCode(422).body("errors[0].field", equalTo("date")).body("detail", containsString("is in the past"));
        riskOfficer().body("""
                {"reasonCode": "CUSTOMER_PAID"}""").post("/api/orders/SO-does-not-exist/release").then().statusCode(404);
        auditor().get("/api/orders/" + orderId).then().body("holds[0].status", equalTo("OPEN"))
                .body("timeline.kind", contains("DECISION", "HOLD_OPENED"));
    }

    @Test
    void rejectForwardAndFollowUpAreAuditedOnTheOrder() {
        String orderId = heldOrder("A", "1000");
        String due = LocalDate.now().toString();
        riskOfficer().body("""
                {"to": "risk2", "comment": "your customer"}""").post("/api/orders/" + orderId + "/forward").then()
                .statusCode(200).body("assignedTo", equalTo("risk2")).body("status", equalTo("OPEN"));
        risk2().body("""
                {"date": "%s", "comment": "call the CFO"}""".formatted(due)).post("/api/orders/" + orderId + "/follow-up")
                .then().statusCode(200).body("followUpDate", equalTo(due));
        risk2().queryParam("assignedTo", "risk2").queryParam("followUpDue", true).get("/api/worklist").then()
                .body("rows.orderId", hasItem(orderId));
        risk2().body("""
                {"reasonCode": "OVERDUE_NOT_SETTLED", "comment": "no payment"}""").post("/api/orders/" + orderId + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("orderStatus", equalTo("REJECTED"));
        auditor().get("/api/orders/" + orderId).then().statusCode(200)
                .body("order.status", equalTo("REJECTED"))
                .body("timeline.what", contains("BLOCK", "BLOCK", "FORWARDED", "FOLLOW_UP", "REJECTED"))
                .body("timeline.by", contains("sales", null, "risk", "risk2", "risk2"))
                .body("timeline[4].reasonCode", equalTo("OVERDUE_NOT_SETTLED"));
        riskOfficer().queryParam("customerId", "none").get("/api/worklist").then().body("total", equalTo(0));
    }

    @Test
    void twoOfficersReleasingAtOnceOneWinsTheOtherIsToldWhoActedFirst() throws Exception {
        for (int round = 0; round < 3; round++) {
            String orderId = heldOrder("A", "100");
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
                await(start);
                return release(riskOfficer(), orderId).extract().statusCode();
            });
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
                await(start);
                return release(risk2(), orderId).extract().statusCode();
            });
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
            auditor().get("/api/orders/" + orderId).then()
                    .body("timeline.findAll { it.what == 'RELEASED' }.size()", equalTo(1));
            release(riskOfficer(), orderId).statusCode(409).body("detail", containsString("released (by risk"));
        }
    }

    @Test
    void aRecheckThatNowApprovesClosesTheHoldByItself() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "120000")).post(EVALUATE).then().body("outcome", equalTo("BLOCK"));
        riskOfficer().body("{}").post("/api/orders/" + orderId + "/recheck").then().statusCode(200)
                .body("outcome", equalTo("BLOCK")).body("holdStatus", equalTo("OPEN"));
        riskOfficer().body(io.salesrisk.testsupport.Api.customer("B", "SMB", "200000", 30)).put("/api/customers/" + customer)
                .then().statusCode(200);
        riskOfficer().body("""
                {"comment": "limit raised"}""").post("/api/orders/" + orderId + "/recheck").then().statusCode(200)
                .body("outcome", equalTo("APPROVE"))
                .body("holdStatus", equalTo("CLEARED"))
                .body("orderStatus", equalTo("APPROVED"))
                .body("message", containsString("closed by itself"));
        auditor().get("/api/orders/" + orderId).then()
                .body("timeline.what", hasItems("RECHECKED", "CLEARED"))
                .body("holds[0].resolutionCode", equalTo("APPROVED_ON_RECHECKED"));
        riskOfficer().body("{}").post("/api/orders/" + orderId + "/recheck").then().statusCode(409);
    }

    @Test
    void aReleasedOrderChangedWithinItsToleranceStaysReleasedAndBeyondItIsHeldAgain() {
        String orderId = heldOrder("A", "50000"); // 1,050,000.00
        release(riskOfficer(), orderId).statusCode(200);
        OffsetDateTime at = OffsetDateTime.now();
        // +10.0 % exactly: within class A's 10 % tolerance
        sales().body("""
                {"eventId": "%s", "type": "CHANGED", "occurredAt": "%s", "amount": 1155000.00}""".formatted(orderId + "-e1", at))
                .post("/api/orders/" + orderId + "/events").then().statusCode(200)
                .body("decision", equalTo("APPROVE"))
                .body("orderStatus", equalTo("RELEASED"))
                .body("result", containsString("kept released: released " + LocalDate.now() + " by risk; amount +10.0 %"));
        String lastDecision = auditor().get("/api/orders/" + orderId).then().extract().path("order.lastDecisionId");
        auditor().get("/api/decisions/" + lastDecision).then()
                .body("reasons[0].message", equalTo("released " + LocalDate.now() + " by risk; amount +10.0 % within the 10 % tolerance"))
                .body("reasons[0].rule", equalTo("ReleaseTolerance[A/B, any]"));
        // one cent more than 10 % over the released amount: evaluated in full, held again
        sales().body("""
                {"eventId": "%s", "type": "CHANGED", "occurredAt": "%s", "amount": 1155000.01}""".formatted(orderId + "-e2", at.plusSeconds(1)))
                .post("/api/orders/" + orderId + "/events").then().statusCode(200)
                .body("decision", equalTo("BLOCK"))
                .body("orderStatus", equalTo("BLOCKED"));
        String customerId = auditor().get("/api/orders/" + orderId).then().extract().path("order.customerId");
        riskOfficer().queryParam("customerId", customerId)
                .get("/api/worklist").then().body("rows[0].rehold", equalTo(true));
    }

    @Test
    void lifecycleEventsAreIdempotentInOrderAndOnlyWhereTheOrderAllowsThem() {
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 60);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "1000")).post(EVALUATE).then().body("outcome", equalTo("APPROVE"));
        OffsetDateTime t0 = OffsetDateTime.now().plusMinutes(1).withNano(0);
        String shipped = """
                {"eventId": "%s", "type": "SHIPPED", "occurredAt": "%s"}""".formatted(orderId + "-ship", t0);
        sales().body(shipped).post("/api/orders/" + orderId + "/events").then().statusCode(200)
                .body("duplicate", equalTo(false)).body("orderStatus", equalTo("SHIPPED"))
                .body("result", containsString("left the open orders"));
        sales().body(shipped).post("/api/orders/" + orderId + "/events").then().statusCode(200)
                .body("duplicate", equalTo(true)).body("result", containsString("already accepted"));
        // an event that happened before the last one changes nothing
        sales().body("""
                {"eventId": "%s", "type": "CANCELLED", "occurredAt": "%s"}""".formatted(orderId + "-late", t0.minusHours(1)))
                .post("/api/orders/" + orderId + "/events").then().statusCode(409)
                .body("errors[0].field", equalTo("occurredAt"))
                .body("detail", containsString("events must arrive in the order they happened"));
        sales().body("""
                {"eventId": "%s", "type": "PAID", "occurredAt": "%s"}""".formatted(orderId + "-paid", t0.plusHours(1)))
                .post("/api/orders/" + orderId + "/events").then().statusCode(409)
                .body("detail", containsString("is SHIPPED: a PAID event does not apply"));
        sales().body("""
                {"eventId": "%s", "type": "INVOICED", "occurredAt": "%s"}""".formatted(orderId + "-inv", t0.plusHours(2)))
                .post("/api/orders/" + orderId + "/events").then().statusCode(200).body("orderStatus", equalTo("INVOICED"));
        sales().body("""
                {"eventId": "%s", "type": "SHIPPED", "occurredAt": "%s"}""".formatted(orderId + "-inv", t0.plusHours(3)))
                .post("/api/orders/" + orderId + "/events").then().statusCode(409).body("errors[0].field", equalTo("eventId"));
        sales().body("""
                {"eventId": "x", "type": "SHIPPED", "occurredAt": "%s"}""".formatted(t0)).post("/api/orders/SO-nope/events")
                .then().statusCode(404);
        sales().body("""
                {"eventId": "y", "type": "CHANGED", "occurredAt": "%s"}""".formatted(t0.plusHours(5)))
                .post("/api/orders/" + orderId + "/events").then().statusCode(422);
        auditor().get("/api/orders/" + orderId).then()
                .body("timeline.kind", contains("DECISION", "EVENT", "EVENT"))
                .body("timeline.what", contains("APPROVE", "SHIPPED", "INVOICED"));
    }

    @Test
    void cancellingAHeldOrderClosesItsHoldAndStatsCountWhatHappened() {
        String orderId = heldOrder("A", "500");
        sales().body("""
                {"eventId": "%s", "type": "CANCELLED", "occurredAt": "%s"}""".formatted(orderId + "-c", OffsetDateTime.now()))
                .post("/api/orders/" + orderId + "/events").then().statusCode(200).body("orderStatus", equalTo("CANCELLED"));
        auditor().get("/api/orders/" + orderId).then().body("holds[0].status", equalTo("CANCELLED"));
        String released = heldOrder("A", "700");
        release(riskOfficer(), released).statusCode(200);
        auditor().get("/api/worklist/stats").then().statusCode(200)
                .body("opened", greaterThanOrEqualTo(2))
                .body("released", greaterThanOrEqualTo(1))
                .body("cancelled", greaterThanOrEqualTo(1))
                .body("medianHoursToDecision", notNullValue())
                .body("overrideShareByRule.'CreditLimitExceeded[A]'.released", greaterThanOrEqualTo(1));
        riskOfficer().get("/q/metrics").then().statusCode(200)
                .body(containsString("salesrisk_holds_opened_total"))
                .body(containsString("salesrisk_holds_time_to_decision"));
    }

    @Test
    void aSelectionIsReleasedOrRecheckedItemByItemAndAFilterStartsABackgroundRecheck() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        String a = uniqueId("SO");
        String b = uniqueId("SO");
        sales().body(order(a, customer, "110000")).post(EVALUATE).then().body("outcome", equalTo("BLOCK"));
        sales().body(order(b, customer, "120000")).post(EVALUATE).then().body("outcome", equalTo("BLOCK"));
        riskOfficer().body("""
                {"orderIds": ["%s", "SO-unknown"], "reasonCode": "CUSTOMER_PAID"}""".formatted(a))
                .post("/api/worklist/release").then().statusCode(200)
                .body("status", contains(200, 404))
                .body("[0].result.status", equalTo("RELEASED"));
        // raise the limit: the remaining hold's reasons clear; a background recheck marks it ready to release
        riskOfficer().body(io.salesrisk.testsupport.Api.customer("B", "SMB", "500000", 30)).put("/api/customers/" + customer)
                .then().statusCode(200);
        String run = riskOfficer().body("""
                {"filter": {"customerId": "%s"}}""".formatted(customer)).post("/api/worklist/recheck").then()
                .statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                riskOfficer().get("/api/worklist/recheck-runs/" + run).then().body("status", equalTo("COMPLETED")));
        riskOfficer().get("/api/worklist/recheck-runs/" + run).then().body("total", equalTo(1))
                .body("readyToRelease", equalTo(1)).body("progressPercent", equalTo(100.0f));
        riskOfficer().queryParam("customerId", customer).get("/api/worklist").then()
                .body("rows[0].orderId", equalTo(b))
                .body("rows[0].readyToRelease", equalTo(true))
                .body("rows[0].readyNote", containsString("the rules approve it now"));
        riskOfficer().body("""
                {"orderIds": ["%s"]}""".formatted(b)).post("/api/worklist/recheck").then().statusCode(200)
                .body("[0].result.holdStatus", equalTo("CLEARED"));
        riskOfficer().queryParam("customerId", customer).get("/api/worklist").then().body("total", equalTo(0))
                .body("rows", org.hamcrest.Matchers.empty());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unused")
    private static Object unused() {
        return nullValue();
    }
}
