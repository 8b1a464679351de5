package io.salesrisk.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** An unexpected failure is a 500 problem document with a log reference, never the exception or a stack trace. */
@QuarkusTest
class ErrorDocumentsTest {

    @Test
    void shouldAnswerAFailingResourceWithAReferenceAndNoDetails() {
        RestAssured.given().accept("text/html, application/json").get("/test-only/fail").then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", equalTo("Internal error"))
                .body("detail", matchesPattern("an unexpected error occurred; the log names it with reference [0-9a-f-]{36}"))
                .body(not(containsString("Exception"))).body(not(containsString("Secret")))
                .body(not(containsString("overflow")));
    }

    @Test
    void shouldAnswerAFailureBelowTheRestLayerTheSameWay() {
        RestAssured.given().accept("text/html").get("/test-only/route-fail").then().statusCode(500)
                .contentType("application/problem+json")
                .body(containsString("reference"))
                .body(not(containsString("SQLException"))).body(not(containsString("Secret.java")));
    }
}
