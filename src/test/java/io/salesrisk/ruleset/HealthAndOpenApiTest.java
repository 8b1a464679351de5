package io.salesrisk.ruleset;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.salesrisk.testsupport.ShippedRules;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class HealthAndOpenApiTest {

    @Test
    void shouldReportTheActiveRuleSetVersionWhenReady() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ruleset' }.data.version", equalTo(ShippedRules.get().version()))
                .body("checks.find { it.name == 'ruleset' }.data.rules", equalTo(200));
    }

    @Test
    void shouldPublishTheOpenApiDocumentAndSwaggerUi() {
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/orders/evaluate"))
                .body("paths.keySet()", hasItem("/api/import/{kind}"));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void shouldCountEvaluationsByOutcome() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("salesrisk_evaluations"));
    }
}
