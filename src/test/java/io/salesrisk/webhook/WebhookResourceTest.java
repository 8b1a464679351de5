package io.salesrisk.webhook;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** /api/webhooks: officers manage subscriptions, auditors read them, sales see nothing; bad input names its field. */
@QuarkusTest
class WebhookResourceTest {

    @Test
    void shouldCreateWithAGeneratedSecretShownOnlyOnce() {
        String id = riskOfficer().body("""
                        {"url": "http://127.0.0.1:9/hooks", "eventTypes": ["alert.opened", "alert.escalated"],
                         "minSeverity": "medium", "description": "CRM inbox"}""")
                .post("/api/webhooks").then().log().all().statusCode(201)
                .header("Location", containsString("/api/webhooks/"))
                .body("secret", startsWith("whsec_")).body("minSeverity", equalTo("MEDIUM"))
                .body("eventTypes", hasSize(2)).body("enabled", equalTo(true)).body("createdBy", equalTo("risk"))
                .extract().path("id");
        String secret = riskOfficer().get("/api/webhooks/" + id).then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(secret).doesNotContain("whsec_");
        auditor().get("/api/webhooks").then().statusCode(200).body("id", hasItem(id)).body("secret", not(hasItem(notNullValue())));
        auditor().get("/api/webhooks/" + id + "/deliveries").then().statusCode(200).body("$", hasSize(0));
        riskOfficer().delete("/api/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void shouldTakeAGivenSecretAndRefuseOneThatIsNotAStandardWebhooksSecret() {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String id = riskOfficer().body("{\"url\": \"http://localhost:9/\", \"secret\": \"" + secret + "\"}")
                .post("/api/webhooks").then().statusCode(201).body("secret", equalTo(secret)).extract().path("id");
        riskOfficer().body("{\"url\": \"http://localhost:9/\", \"secret\": \"hunter2\"}").post("/api/webhooks")
                .then().statusCode(422).body("errors[0].field", equalTo("secret"));
        riskOfficer().body("{\"secret\": \"" + secret + "\"}").patch("/api/webhooks/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("secret"));
        riskOfficer().delete("/api/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void shouldRefuseAUrlOutsideTheAllowedPrefixesNamingThem() {
        riskOfficer().body("{\"url\": \"https://evil.example.com/hook\"}").post("/api/webhooks").then().log().body().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("http://127.0.0.1:")).body("errors[0].message", containsString("http://localhost:"));
        riskOfficer().body("{\"url\": \"ftp://127.0.0.1:21/x\"}").post("/api/webhooks").then().statusCode(422)
                .body("errors[0].field", equalTo("url")).body("errors[0].message", containsString("http or https"));
        riskOfficer().body("{\"description\": \"no url\"}").post("/api/webhooks").then().statusCode(422)
                .body("errors[0].field", equalTo("url"));
        riskOfficer().get("/api/webhooks").then().statusCode(200).body("description", not(hasItem("no url")));
    }

    @Test
    void shouldRefuseAnUnknownSeverityOrEventTypeNamingEachField() {
        riskOfficer().body("""
                        {"url": "http://127.0.0.1:9/", "minSeverity": "CRITICAL", "eventTypes": ["alert.opened", "order.created"]}""")
                .post("/api/webhooks").then().log().body().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("minSeverity", "eventTypes[1]"))
                .body("errors.find { it.field == 'minSeverity' }.message", containsString("HIGH, MEDIUM, LOW, INFO"))
                .body("errors.find { it.field == 'eventTypes[1]' }.message", containsString("alert.closed"));
        riskOfficer().body("{\"url\": \"http://127.0.0.1:9/\", \"colour\": \"red\"}").post("/api/webhooks").then().statusCode(400);
    }

    @Test
    void shouldDisableEnableAndDelete() {
        String id = riskOfficer().body("{\"url\": \"http://127.0.0.1:9/\"}").post("/api/webhooks").then().statusCode(201)
                .extract().path("id");
        riskOfficer().body("{\"enabled\": false}").patch("/api/webhooks/" + id).then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("disabled by risk"));
        riskOfficer().body("{\"enabled\": true, \"minSeverity\": \"HIGH\", \"description\": \"ops\"}").patch("/api/webhooks/" + id)
                .then().statusCode(200).body("enabled", equalTo(true)).body("disabledReason", nullValue())
                .body("minSeverity", equalTo("HIGH")).body("description", equalTo("ops"));
        riskOfficer().body("{\"url\": \"https://elsewhere.example/\"}").patch("/api/webhooks/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("url"));
        riskOfficer().get("/api/webhooks/" + id + "/deliveries?status=LOST").then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
        riskOfficer().body("{}").post("/api/webhooks/" + id + "/replay").then().statusCode(422);
        riskOfficer().delete("/api/webhooks/" + id).then().statusCode(204);
        riskOfficer().get("/api/webhooks/" + id).then().statusCode(404);
        riskOfficer().delete("/api/webhooks/" + id).then().statusCode(404);
        riskOfficer().get("/api/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
    }

    @Test
    void shouldLetOnlyRiskOfficersManageAndKeepSalesOut() {
        String body = "{\"url\": \"http://127.0.0.1:9/\"}";
        sales().get("/api/webhooks").then().statusCode(403);
        sales().body(body).post("/api/webhooks").then().statusCode(403);
        auditor().body(body).post("/api/webhooks").then().statusCode(403);
        String id = riskOfficer().body(body).post("/api/webhooks").then().statusCode(201).extract().path("id");
        auditor().body("{\"enabled\": false}").patch("/api/webhooks/" + id).then().statusCode(403);
        auditor().delete("/api/webhooks/" + id).then().statusCode(403);
        sales().get("/api/webhooks/" + id + "/deliveries").then().statusCode(403);
        auditor().body("{\"status\": \"FAILED\"}").post("/api/webhooks/" + id + "/replay").then().statusCode(403);
        io.restassured.RestAssured.get("/api/webhooks").then().statusCode(401);
        riskOfficer().delete("/api/webhooks/" + id).then().statusCode(204);
    }
}
