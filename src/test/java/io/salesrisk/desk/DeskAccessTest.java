package io.salesrisk.desk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.salesrisk.testsupport.DeskClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, sign-out, the pages each role may open, CSRF on forms, and the API untouched by the desk's session. */
@QuarkusTest
class DeskAccessTest {

    @Test
    void theRootAndEveryDeskPageSendAnonymousUsersToTheLoginForm() {
        RestAssured.given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", containsString("/desk"));
        RestAssured.given().redirects().follow(false).get("/desk").then().statusCode(302)
                .header("Location", containsString("/desk/login"));
        RestAssured.given().get("/desk/login").then().statusCode(200).body(containsString("j_security_check"));
    }

    @Test
    void aWrongPasswordShowsTheErrorOnTheLoginForm() {
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "risk").formParam("j_password", "nope").post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/desk/login?error=true"));
    }

    @Test
    void theDashboardShowsTheUserAndTheNavigationOfTheRole() {
        Document officer = DeskClient.riskOfficer().page("/desk");
        assertEquals("risk", officer.selectFirst("[data-testid=user]").text());
        assertFalse(officer.select("nav a[href=/desk/worklist]").isEmpty());
        assertFalse(officer.select("#tile-holds").isEmpty());

        Document sales = DeskClient.sales().page("/desk");
        assertTrue(sales.select("nav a[href=/desk/worklist]").isEmpty(), "sales see no worklist link");
        assertTrue(sales.select("#tile-holds").isEmpty());
        assertFalse(sales.select("nav a[href=/desk/customers]").isEmpty());
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk");
        assertEquals(400, officer.postWithoutToken("/desk/logout", Map.of()).statusCode());
        // other bodies (or none) need the token in the header, as htmx sends it
        assertEquals(400, officer.request().contentType("text/plain").body("x").post("/desk/logout").statusCode());
        assertEquals(400, officer.request().post("/desk/logout").statusCode());
        assertEquals(400, officer.request().contentType("application/json").header("X-CSRF-TOKEN", "forged")
                .body("{}").post("/desk/logout").statusCode());
        assertEquals(303, officer.post("/desk/logout", Map.of()).statusCode());
    }

    @Test
    void theDeskSessionCookieDoesNotAuthenticateTheApi() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.request().get("/api/rulesets").then().statusCode(401);
    }

    @Test
    void theDeskTakesNoBasicCredentialsOnlyItsSession() {
        io.salesrisk.testsupport.Api.riskOfficer().redirects().follow(false).get("/desk").then().statusCode(302)
                .header("Location", containsString("/desk/login"));
    }

    @Test
    void apiMultipartUploadsNeedNoCsrfToken() {
        io.salesrisk.testsupport.Api.upload(io.salesrisk.testsupport.Api.riskOfficer(), "broken.drl", "rule x".getBytes())
                .post("/api/rulesets").then().statusCode(422);
    }
}
