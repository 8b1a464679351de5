package io.salesrisk.desk;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.salesrisk.testsupport.Browser;
import io.salesrisk.testsupport.ProfileData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.salesrisk.reevaluation.ReevaluationRunTest.awaitCompleted;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's charts over whole-portfolio runs, and a session that runs out. Both need a service of their own:
 * a database where the portfolio is only this test's customers (so that its runs change nothing other tests see),
 * and a session timeout of seconds.
 */
@QuarkusTest
@TestProfile(DeskSessionAndChartsBrowserTest.OwnPortfolioShortSessions.class)
class DeskSessionAndChartsBrowserTest {

    /** A database "desk_portfolio" next to the test database, and sessions that end after 4 s without a request. */
    public static class OwnPortfolioShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>();
            overrides.put("quarkus.http.auth.form.timeout", "PT4S");
            overrides.put("quarkus.http.auth.form.new-cookie-interval", "PT1S");
            String url = env("SALESRISK_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = env("SALESRISK_TEST_DB_USER", "postgres");
            String own = url.replaceFirst("/[^/?]+(\\?.*)?$", "/desk_portfolio$1");
            try (Connection c = DriverManager.getConnection(url, user, env("SALESRISK_TEST_DB_PASSWORD", ""))) {
                try (var exists = c.prepareStatement("select 1 from pg_database where datname = 'desk_portfolio'").executeQuery()) {
                    if (!exists.next()) {
                        c.createStatement().execute("create database desk_portfolio");
                    }
                }
                overrides.put("quarkus.datasource.jdbc.url", own);
            } catch (SQLException e) {
                // no PostgreSQL of our own to add a database to (the embedded fallback): share the test database
            }
            return overrides;
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private static final LocalDate AS_OF = LocalDate.now().minusDays(1);

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDashboardChartsExposureAndItsShareByClassOverTheLastRuns() {
        String p = uniqueId("DB");
        ProfileData.customer(p + "-a").limit("400000").flatSales(AS_OF, 24, "60000")
                .order("120000", AS_OF.minusDays(3), "APPROVED").insert(dataSource);
        ProfileData.customer(p + "-b").limit("200000").flatSales(AS_OF, 24, "20000")
                .order("80000", AS_OF.minusDays(5), "APPROVED").insert(dataSource);
        ProfileData.customer(p + "-d").years(1).rating("CCC").limit("100000").flatSales(AS_OF, 24, "9000")
                .invoice(AS_OF.minusDays(130), AS_OF.minusDays(100), "45000", "0", null).insert(dataSource);
        for (int i = 0; i < 3; i++) {
            String location = riskOfficer().body(Map.of("asOf", AS_OF.toString())).post("/api/reevaluations")
                    .then().statusCode(202).extract().header("Location");
            awaitCompleted(location);
        }
        try (Browser risk = Browser.open(base)) {
            risk.signIn("risk", "risk123");
            risk.waitFor(By.cssSelector("#exposure-chart .uplot"));
            risk.waitFor(By.cssSelector("#class-share-chart .uplot"));
            String exposure = risk.driver().findElement(By.id("tile-exposure")).getText();
            assertFalse(exposure.contains("no completed run"), exposure);
            assertTrue(risk.driver().findElement(By.id("exposure-title")).getText().contains("last 3 runs"));
            risk.screenshot("desk-dashboard");
        }
    }

    @Test
    void aSessionThatRanOutSendsTheOfficerToSignInAgainAndSaysWhy() throws InterruptedException {
        try (Browser risk = Browser.open(base)) {
            risk.signIn("risk", "risk123");
            Thread.sleep(6_000);
            risk.driver().findElement(By.cssSelector("header nav a[href='/desk/worklist']")).click();
            assertTrue(risk.waitFor(By.id("session-expired")).getText().contains("expired"));
            assertEquals(1, risk.driver().findElements(By.id("j_username")).size());
            risk.screenshot("desk-session-expired");
            // signing in again lands on the page the officer asked for
            risk.driver().findElement(By.id("j_username")).sendKeys("risk");
            risk.driver().findElement(By.id("j_password")).sendKeys("risk123");
            risk.driver().findElement(By.cssSelector("form button[type=submit]")).click();
            risk.waitFor(By.id("worklist"));
        }
    }
}
