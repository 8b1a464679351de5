package io.salesrisk.customer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.salesrisk.testsupport.Api.customer;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CustomerResourceTest {

    @Test
    void shouldCreateThenReplaceACustomer() {
        String id = uniqueId("C");
        riskOfficer().body(customer("B", "SMB", "250000", 30)).put("/api/customers/" + id)
                .then().statusCode(201)
                .body("id", equalTo(id))
                .body("riskClass", equalTo("B"))
                .body("creditLimit", equalTo(250000.00f))
                .body("exposure.totalExposure", equalTo(0.00f))
                .body("exposure.availableCredit", equalTo(250000.00f));

        riskOfficer().body(customer("C", "SMB", "100000", 14)).put("/api/customers/" + id)
                .then().statusCode(200).body("riskClass", equalTo("C"));

        sales().get("/api/customers/" + id).then().statusCode(200)
                .body("creditLimit", equalTo(100000.00f))
                .body("paymentTermsDays", equalTo(14));
    }

    @Test
    void shouldRejectCodesOutsideTheReferenceLists() {
        riskOfficer().body(customer("Z", "GIANT", "1000", 30)).put("/api/customers/" + uniqueId("C"))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("riskClass", "segment"))
                .body("errors.find { it.field == 'segment' }.message", containsString("ENTERPRISE, MIDMARKET, SMB, PUBLIC"));
    }

    @Test
    void shouldNameEveryMissingOrNegativeField() {
        riskOfficer().body("""
                {"name": "", "segment": "SMB", "riskClass": "A", "creditLimit": -5}
                """).put("/api/customers/" + uniqueId("C"))
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("name", "region", "industry", "yearsInBusiness",
                        "creditLimit", "paymentTermsDays"));
    }

    @Test
    void shouldLetOnlyRiskOfficersChangeCustomers() {
        sales().body(customer("A", "SMB", "1000", 30)).put("/api/customers/" + uniqueId("C")).then().statusCode(403);
        RestAssured.given().contentType("application/json").body(customer("A", "SMB", "1000", 30))
                .put("/api/customers/" + uniqueId("C")).then().statusCode(401);
    }

    @Test
    void shouldAnswer404WithAProblemForAnUnknownCustomer() {
        riskOfficer().get("/api/customers/NO-SUCH").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("customer NO-SUCH does not exist"));
    }
}
