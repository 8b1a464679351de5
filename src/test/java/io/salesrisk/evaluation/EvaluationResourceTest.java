package io.salesrisk.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class EvaluationResourceTest {

    private static final String EVALUATE = "/api/orders/evaluate";

    @Test
    void shouldApproveACleanOrderAndStoreTheDecisionWithItsFacts() {
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 60);
        String orderId = uniqueId("SO");

        String decisionId = sales().body(order(orderId, customer, "10000", "EUR", 30, "5", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("outcome", equalTo("APPROVE"))
                .body("orderId", equalTo(orderId))
                .body("conditions", empty())
                .body("reasons", empty())
                .body("creditLimit", equalTo(1000000.00f))
                .body("availableCredit", equalTo(1000000.00f))
                .body("exposure.projectedExposure", equalTo(10000.00f))
                .body("rulesetVersion", matchesPattern("[0-9a-f]{12}"))
                .body("evaluatedAt", notNullValue())
                .extract().path("decisionId");

        auditor().get("/api/decisions/" + decisionId).then().statusCode(200)
                .body("outcome", equalTo("APPROVE"))
                .body("evaluatedBy", equalTo("sales"))
                .body("facts.customer.riskClass", equalTo("A"))
                .body("facts.order.amount", equalTo(10000.00f))
                .body("facts.exposure.orderAmount", equalTo(10000.00f))
                .body("facts.payment.periodMonths", equalTo(12))
                .body("firedRules", empty());
        riskOfficer().get("/api/orders/" + orderId + "/decisions").then().statusCode(200)
                .body("decisionId", contains(decisionId));
    }

    @Test
    void shouldBlockAnOrderOverTheLimitSayingByHowMuch() {
        String customer = createCustomer("B", "SMB", "600000", 30);
        LocalDate today = LocalDate.now();
        riskOfficer().body("""
                {"customerId": "%s", "issueDate": "%s", "dueDate": "%s", "amount": 530000, "paidAmount": 0}
                """.formatted(customer, today.minusDays(5), today.plusDays(25))).put("/api/invoices/" + uniqueId("I"))
                .then().statusCode(201);

        sales().body(order(uniqueId("SO"), customer, "125000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("outcome", equalTo("BLOCK"))
                .body("reasons[0].rule", equalTo("CreditLimitExceeded[B]"))
                .body("reasons[0].source", equalTo("order-credit-checks.xlsx, sheet CreditLimit, row 11"))
                .body("reasons[0].severity", equalTo("HIGH"))
                .body("reasons[0].message", equalTo("exposure 530,000.00 + order 125,000.00 exceeds limit 600,000.00 by 55,000.00"))
                .body("exposure.totalExposure", equalTo(530000.00f))
                .body("availableCredit", equalTo(70000.00f));
    }

    @Test
    void shouldReviewAnOrderAboveTheMaximumOrderValueOfItsClass() {
        String customer = createCustomer("C", "MIDMARKET", "5000000", 45);

        sales().body(order(uniqueId("SO"), customer, "120000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("outcome", equalTo("REVIEW"))
                .body("reasons", hasSize(1))
                .body("reasons[0].rule", equalTo("MaxOrderValueExceeded[C]"))
                .body("reasons[0].message", equalTo("order 120,000.00 exceeds the maximum order value 100,000 of risk class C"));
    }

    @Test
    void shouldApproveAHighRiskCustomerOnlyAgainstPrepayment() {
        String customer = createCustomer("E", "SMB", "50000", 7);

        sales().body(order(uniqueId("SO"), customer, "1000", "EUR", 7, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("outcome", equalTo("APPROVE"))
                .body("conditions", contains("PREPAYMENT_REQUIRED"))
                .body("reasons[0].severity", equalTo("LOW"));
    }

    @Test
    void shouldConvertForeignCurrencyToTheBaseCurrency() {
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 60);

        sales().body(order(uniqueId("SO"), customer, "10000", "USD", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("exposure.orderAmount", equalTo(9200.00f));
    }

    @Test
    void shouldKeepEveryDecisionWhenAnOrderIsEvaluatedAgain() {
        String customer = createCustomer("B", "SMB", "1000000", 30);
        String orderId = uniqueId("SO");
        String first = sales().body(order(orderId, customer, "300000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200).body("outcome", equalTo("REVIEW")).extract().path("decisionId");

        String second = sales().body(order(orderId, customer, "9000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("outcome", equalTo("APPROVE"))
                .body("exposure.openOrders", equalTo(0.00f))
                .extract().path("decisionId");

        auditor().get("/api/orders/" + orderId + "/decisions").then().statusCode(200)
                .body("decisionId", contains(second, first))
                .body("outcome", contains("APPROVE", "REVIEW"));
    }

    @Test
    void shouldCountOtherApprovedOrdersInTheExposure() {
        String customer = createCustomer("A", "SMB", "50000", 30);
        sales().body(order(uniqueId("SO"), customer, "30000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().body("outcome", equalTo("APPROVE"));

        sales().body(order(uniqueId("SO"), customer, "25000", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(200)
                .body("outcome", equalTo("BLOCK"))
                .body("exposure.openOrders", equalTo(30000.00f))
                .body("reasons.message", hasItem("exposure 30,000.00 + order 25,000.00 exceeds limit 50,000.00 by 5,000.00"));
    }

    @Test
    void shouldRejectMalformedJsonWithItsPosition() {
        sales().body("{\"orderId\": \"SO-1\",").post(EVALUATE)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", matchesPattern("the body is not valid JSON \\(line 1, column \\d+\\)"));
    }

    @Test
    void shouldNameMissingAndNegativeAmounts() {
        String customer = createCustomer("A", "SMB", "50000", 30);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "-5", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", equalTo("must be greater than 0"));
        sales().body(order(orderId, customer, "null", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("amount"));

        riskOfficer().get("/api/orders/" + orderId + "/decisions").then().statusCode(404);
    }

    @Test
    void shouldAnswer404ForAnUnknownCustomerAndStoreNothing() {
        String orderId = uniqueId("SO");
        sales().body(order(orderId, "NO-SUCH-CUSTOMER", "100", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(404)
                .body("errors[0].field", equalTo("customerId"));
        riskOfficer().get("/api/orders/" + orderId + "/decisions").then().statusCode(404);
    }

    @Test
    void shouldRejectAnUnknownCurrency() {
        String customer = createCustomer("A", "SMB", "50000", 30);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "100", "XAU", 30, "0", true)).post(EVALUATE)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("currency"))
                .body("errors[0].message", equalTo("unknown currency 'XAU'; accepted: CHF, CNY, EUR, GBP, JPY, USD"));
        riskOfficer().get("/api/orders/" + orderId + "/decisions").then().statusCode(404);
    }

    @Test
    void shouldRejectADateInTheWrongFormat() {
        String customer = createCustomer("A", "SMB", "50000", 30);
        sales().body(order(uniqueId("SO"), customer, "100", "EUR", 30, "0", true).replace("2026-11-20", "20.11.2026"))
                .post(EVALUATE)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("orderDate"))
                .body("errors[0].message", equalTo("'20.11.2026' is not a date; expected YYYY-MM-DD"));
    }

    @Test
    void shouldRefuseToMoveAnOrderToAnotherCustomer() {
        String first = createCustomer("A", "SMB", "50000", 30);
        String second = createCustomer("A", "SMB", "50000", 30);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, first, "100", "EUR", 30, "0", true)).post(EVALUATE).then().statusCode(200);

        sales().body(order(orderId, second, "100", "EUR", 30, "0", true)).post(EVALUATE)
                .then().statusCode(409).body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void shouldEnforceRoles() {
        String customer = createCustomer("A", "SMB", "50000", 30);
        auditor().body(order(uniqueId("SO"), customer, "100", "EUR", 30, "0", true)).post(EVALUATE).then().statusCode(403);
        sales().get("/api/orders/x/decisions").then().statusCode(403);
        RestAssured.given().get("/api/decisions/" + java.util.UUID.randomUUID()).then().statusCode(401);
        auditor().get("/api/decisions/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
