package io.salesrisk.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

/** REST Assured starting points for the test users, and unique ids so tests never share data. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String user, String password) {
        return RestAssured.given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    public static RequestSpecification sales() {
        return as("sales", "sales123");
    }

    public static RequestSpecification riskOfficer() {
        return as("risk", "risk123");
    }

    public static RequestSpecification auditor() {
        return as("auditor", "audit123");
    }

    public static RequestSpecification risk2() {
        return as("risk2", "risk123");
    }

    /** A multipart upload of one rule file by a risk officer (no JSON content type). */
    public static RequestSpecification upload(RequestSpecification as, String fileName, byte[] content) {
        return as.contentType("multipart/form-data").multiPart("file", fileName, content);
    }

    /** The version the service runs now. */
    public static String activeVersion() {
        return riskOfficer().get("/api/rulesets/active").then().statusCode(200).extract().path("version");
    }

    /** Makes {@code version} active again (a rollback needs no approval) and waits until it answers. */
    public static void activate(String version) {
        riskOfficer().post("/api/rulesets/" + version + "/activate").then().statusCode(200);
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer body; fields can be changed with {@link String#replace}. */
    public static String customer(String riskClass, String segment, String creditLimit, int paymentTermsDays) {
        return """
                {"name": "Test Customer AG", "segment": "%s", "region": "DACH", "industry": "Manufacturing",
                 "yearsInBusiness": 12, "externalRating": "BBB", "riskClass": "%s", "creditLimit": %s,
                 "paymentTermsDays": %d}
                """.formatted(segment, riskClass, creditLimit, paymentTermsDays);
    }

    /** Creates a customer through the API and returns its id. */
    public static String createCustomer(String riskClass, String segment, String creditLimit, int paymentTermsDays) {
        String id = uniqueId("C");
        riskOfficer().body(customer(riskClass, segment, creditLimit, paymentTermsDays))
                .put("/api/customers/" + id).then().statusCode(201);
        return id;
    }

    /** An order body for {@code POST /api/orders/evaluate}. */
    public static String order(String orderId, String customerId, String amount, String currency, int terms,
                               String discount, boolean contractSigned) {
        return """
                {"orderId": "%s", "customerId": "%s", "amount": %s, "currency": "%s", "orderDate": "2026-11-20",
                 "paymentTermsDays": %d, "discountPercent": %s, "contractSigned": %s, "salesRep": "rep-03",
                 "requestedDeliveryDate": "2026-12-15"}
                """.formatted(orderId, customerId, amount, currency, terms, discount, contractSigned);
    }
}
