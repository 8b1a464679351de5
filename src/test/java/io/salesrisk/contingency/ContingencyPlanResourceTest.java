package io.salesrisk.contingency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.catalog.PlanAction;
import io.salesrisk.contingency.catalog.RiskLevel;
import io.salesrisk.contingency.persistence.PlanActivation;
import io.salesrisk.contingency.persistence.PlanRepository;
import io.salesrisk.contingency.service.ActivePlans;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Contingency plans through the REST API: the lists by status, one plan, ending one by hand, and that order
 * evaluation stops applying a plan once it is ended. Plans are activated through the repository, as a run's
 * triggers activate them, each scoped to a customer of its own so tests never share a plan.
 */
@QuarkusTest
class ContingencyPlanResourceTest {

    private static final String PLANS = "/api/contingency-plans";
    private static final String EVALUATE = "/api/orders/evaluate";
    private static final ContingencyCatalog.RegisteredRisk RISK = new ContingencyCatalog.RegisteredRisk(
            "TEST_CUSTOMER_DISTRESS", "a customer in payment distress", 4, 4, RiskLevel.HIGH, "risk-office",
            "TEST_PREPAYMENT", "contingency-triggers.xlsx, sheet RiskRegister, row 99");
    private static final ContingencyCatalog.Plan PREPAYMENT = new ContingencyCatalog.Plan("TEST_PREPAYMENT",
            "orders only against prepayment", List.of(new PlanAction(PlanAction.Type.REQUIRE_PREPAYMENT, List.of(), null,
            List.of())), "contingency-triggers.xlsx, sheet ContingencyPlans, row 99");

    @Inject
    PlanRepository plans;

    @Inject
    ActivePlans activePlans;

    @Test
    void shouldListActivePlansByDefaultAndEndedOnesOnRequest() {
        // given
        String stillActive = activate("CUSTOMER:" + uniqueId("C"));
        String ended = activate("CUSTOMER:" + uniqueId("C"));
        riskOfficer().body("""
                {"reason": "customer paid up"}
                """).post(PLANS + "/" + ended + "/end").then().statusCode(200);

        // when / then
        sales().get(PLANS + "?limit=1000").then().statusCode(200)
                .body("id", hasItem(stillActive)).body("id", not(hasItem(ended)))
                .body("status", not(hasItem("ENDED")));
        auditor().get(PLANS + "?status=ENDED&limit=1000").then().statusCode(200)
                .body("id", hasItem(ended)).body("id", not(hasItem(stillActive)))
                .body("status", not(hasItem("ACTIVE")));
        riskOfficer().get(PLANS + "?status=all&limit=1000").then().statusCode(200)
                .body("id", hasItem(ended)).body("id", hasItem(stillActive));
        riskOfficer().get(PLANS + "?status=ALL&limit=1").then().statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void shouldRefuseAnUnknownStatusOrALimitOutOfRange() {
        riskOfficer().get(PLANS + "?status=SUSPENDED").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("status must be ACTIVE, ENDED or ALL"));
        riskOfficer().get(PLANS + "?limit=0").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        riskOfficer().get(PLANS + "?limit=1001").then().statusCode(422)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldShowOnePlanWithWhatTriggeredIt() {
        // given
        String scope = "CUSTOMER:" + uniqueId("C");
        String id = activate(scope);

        // when / then
        sales().get(PLANS + "/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("planCode", equalTo("TEST_PREPAYMENT"))
                .body("riskType", equalTo("TEST_CUSTOMER_DISTRESS"))
                .body("riskLevel", equalTo("HIGH"))
                .body("scope", equalTo(scope))
                .body("status", equalTo("ACTIVE"))
                .body("rule", equalTo("TestCustomerDistress"))
                .body("message", equalTo("overdue 45,000.00 for 95 days"))
                .body("triggerValues.'profile.oldestOverdueDays'", equalTo(95))
                .body("actions.type", contains("REQUIRE_PREPAYMENT"))
                .body("activatedAt", notNullValue())
                .body("endedAt", nullValue());
    }

    @Test
    void shouldAnswer404ForAnUnknownPlan() {
        UUID unknown = UUID.randomUUID();

        riskOfficer().get(PLANS + "/" + unknown).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("contingency plan " + unknown + " does not exist"));
        riskOfficer().body("""
                {"reason": "no such plan"}
                """).post(PLANS + "/" + unknown + "/end").then().statusCode(404);
    }

    @Test
    void shouldEndAnActivePlanOnceWithTheReasonGiven() {
        // given
        String id = activate("CUSTOMER:" + uniqueId("C"));

        // when
        riskOfficer().body("""
                {"reason": "  payment plan agreed with the customer  "}
                """).post(PLANS + "/" + id + "/end").then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("ENDED"))
                .body("endedBy", equalTo("risk"))
                .body("endReason", equalTo("payment plan agreed with the customer"))
                .body("endedAt", notNullValue());

        // then
        riskOfficer().body("""
                {"reason": "again"}
                """).post(PLANS + "/" + id + "/end").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        auditor().get(PLANS + "/" + id).then().statusCode(200)
                .body("status", equalTo("ENDED"))
                .body("endedBy", equalTo("risk"))
                .body("endReason", equalTo("payment plan agreed with the customer"));
    }

    @Test
    void shouldRecordThatAPlanWasEndedByHandWhenNoReasonIsGiven() {
        // given
        String id = activate("CUSTOMER:" + uniqueId("C"));

        // when / then
        riskOfficer().body("""
                {}
                """).post(PLANS + "/" + id + "/end").then().statusCode(200)
                .body("status", equalTo("ENDED"))
                .body("endReason", equalTo("ended by hand"));
    }

    @Test
    void shouldStopRequiringPrepaymentOnceThePlanIsEnded() {
        // given: a clean customer covered by a plan that requires prepayment from every class
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 60);
        String id = activate("CUSTOMER:" + customer);
        riskOfficer().get("/api/customers/" + customer).then().statusCode(200)
                .body("activePlans", contains("TEST_PREPAYMENT"));
        sales().body(order(uniqueId("SO"), customer, "10000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("outcome", equalTo("APPROVE"))
                .body("conditions", contains("PREPAYMENT_REQUIRED"))
                .body("reasons.rule", contains("ContingencyPlanRequiresPrepayment"))
                .body("reasons[0].message", equalTo(
                        "active contingency plan TEST_PREPAYMENT (CUSTOMER:" + customer + ") requires prepayment from risk class A"));

        // when
        riskOfficer().body("""
                {"reason": "customer recovered"}
                """).post(PLANS + "/" + id + "/end").then().statusCode(200);

        // then
        sales().body(order(uniqueId("SO"), customer, "10000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("outcome", equalTo("APPROVE"))
                .body("conditions", empty())
                .body("reasons", empty());
        riskOfficer().get("/api/customers/" + customer).then().statusCode(200)
                .body("activePlans", empty());
    }

    /**
     * A re-evaluation chunk ends the customer plans whose trigger is gone with the time the chunk started
     * ({@code ChunkResults}, {@code PlanRepository.end(..., now)}); with two workers, or a risk officer ending a plan by
     * hand meanwhile, a plan can be ended later than another one but with an earlier end time.
     */
    @Test
    void shouldStopApplyingAPlanEndedWithAnEarlierEndTimeThanTheLastOneEnded() {
        // given: two covered customers; the first plan is ended by hand now
        String first = createCustomer("A", "ENTERPRISE", "1000000", 60);
        String second = createCustomer("A", "ENTERPRISE", "1000000", 60);
        String firstPlan = activate("CUSTOMER:" + first);
        String secondPlan = activate("CUSTOMER:" + second);
        riskOfficer().body("""
                {"reason": "customer recovered"}
                """).post(PLANS + "/" + firstPlan + "/end").then().statusCode(200);

        // when: a chunk that started a minute ago commits the end of the second plan
        OffsetDateTime chunkStarted = OffsetDateTime.now().minusMinutes(1);
        QuarkusTransaction.requiringNew().run(() -> plans.end(List.of(UUID.fromString(secondPlan)), "run test",
                "the trigger condition no longer holds", chunkStarted));
        activePlans.refresh();

        // then
        riskOfficer().get(PLANS + "/" + secondPlan).then().statusCode(200).body("status", equalTo("ENDED"));
        sales().body(order(uniqueId("SO"), second, "10000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("conditions", empty())
                .body("reasons", empty());
    }

    @Test
    void shouldNotApplyAPlanToCustomersOutsideItsScope() {
        // given
        String covered = createCustomer("A", "ENTERPRISE", "1000000", 60);
        String other = createCustomer("A", "ENTERPRISE", "1000000", 60);
        activate("CUSTOMER:" + covered);

        // when / then
        sales().body(order(uniqueId("SO"), other, "10000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("conditions", empty())
                .body("reasons", empty());
    }

    @Test
    void shouldLetEveryoneReadPlansButOnlyRiskOfficersEndThem() {
        // given
        String id = activate("CUSTOMER:" + uniqueId("C"));
        String body = """
                {"reason": "not allowed"}
                """;

        // when / then
        sales().get(PLANS).then().statusCode(200);
        auditor().get(PLANS + "/" + id).then().statusCode(200);
        sales().body(body).post(PLANS + "/" + id + "/end").then().statusCode(403);
        auditor().body(body).post(PLANS + "/" + id + "/end").then().statusCode(403);
        RestAssured.given().get(PLANS).then().statusCode(401);
        riskOfficer().get(PLANS + "/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    /**
     * Activates the prepayment plan for a scope in its own transaction, as a run's trigger does, lets order evaluation
     * see it, and returns the plan's id.
     */
    private String activate(String scope) {
        PlanActivation activation = new PlanActivation(RISK, PREPAYMENT, scope, "TestCustomerDistress",
                "overdue 45,000.00 for 95 days", Map.of("profile.oldestOverdueDays", 95), UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> plans.activateAll(List.of(activation), OffsetDateTime.now()));
        activePlans.refresh();
        return QuarkusTransaction.requiringNew().call(() -> plans.find("activeKey", activation.activeKey())
                .singleResult().id).toString();
    }
}
