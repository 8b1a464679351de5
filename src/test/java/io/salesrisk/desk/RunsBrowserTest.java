package io.salesrisk.desk;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.alert.persistence.AlertRepository;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.contingency.persistence.PlanActivation;
import io.salesrisk.contingency.persistence.PlanRepository;
import io.salesrisk.contingency.service.ActivePlans;
import io.salesrisk.facts.Severity;
import io.salesrisk.reevaluation.persistence.RunRepository;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.testsupport.Browser;
import io.salesrisk.testsupport.ProfileData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The re-evaluation and alert pages in Chromium: a run started from the form, its progress followed to 100 % and its
 * summary; an alert acknowledged. Screenshots desk-runs, desk-run and desk-alerts.
 */
@QuarkusTest
class RunsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AlertRepository alerts;

    @Inject
    PlanRepository plans;

    @Inject
    ActivePlans activePlans;

    @Inject
    RunRepository runs;

    @Test
    void theRunPagePollsUntilTheRunFinishes() {
        // given: a run held by another instance, open in the browser
        String region = uniqueId("BrowserRegion");
        ProfileData.customer(uniqueId("C")).region(region).flatSales(DeskRunsPageTest.AS_OF, 24, "1000").insert(dataSource);
        UUID held = DeskRunsPageTest.holdRun(runs, RunScope.of(null, region, null));
        try (Browser b = Browser.open(base)) {
            b.signIn("risk", "risk123");
            b.go("/desk/runs/" + held);
            b.waitForText(By.id("run-status"), "RUNNING");
            assertThat(b.driver().findElement(By.id("run-percent")).getText()).isEqualTo("0 %");

            // when: the run ends elsewhere (here: cancelled through the API)
            riskOfficer().post("/api/reevaluations/" + held + "/cancel").then().statusCode(200);

            // then: the page's poll shows it without a reload, and stops
            b.waitForText(By.id("run-status"), "CANCELLED");
            assertThat(b.driver().findElement(By.id("run-live")).getAttribute("hx-trigger")).isNull();
            assertThat(b.driver().findElements(By.id("cancel-run"))).isEmpty();
        }
    }

    @Test
    void startARunWatchItReach100PercentAndReadItsSummary() {
        // given: a dozen customers of different standing
        String p = uniqueId("BR");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ProfileData customer = ProfileData.customer(String.format("%s-%02d", p, i)).years(1 + 3 * i)
                    .rating(List.of("AAA", "BBB", "B", "CCC").get(i % 4))
                    .flatSales(DeskRunsPageTest.AS_OF, 24, String.valueOf(8000 * (i + 1)));
            if (i % 3 == 0) {
                customer.invoice(DeskRunsPageTest.AS_OF.minusDays(130), DeskRunsPageTest.AS_OF.minusDays(100), "40000", "0", null);
            }
            ids.add(customer.insert(dataSource).id());
        }
        // data that is wrong (a month of negative sales) is a failed item; a new account would be assessed
        ids.add(ProfileData.customer(p + "-broken").flatSales(DeskRunsPageTest.AS_OF, 24, "1000")
                .sale(DeskRunsPageTest.AS_OF, 3, "-50").insert(dataSource).id());

        try (Browser b = Browser.open(base)) {
            b.signIn("risk", "risk123");
            b.go("/desk/runs");
            b.waitFor(By.id("start-run"));
            b.driver().findElement(By.id("scope-customers")).click();
            b.driver().findElement(By.id("customerIds")).sendKeys(String.join(" ", ids));
            ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('asOf').value = arguments[0];",
                    DeskRunsPageTest.AS_OF.toString());

            // when
            b.driver().findElement(By.id("start-button")).click();

            // then: the run page follows the progress until 100 %, then shows the summary
            b.waitFor(By.id("run-progress"));
            assertThat(b.driver().findElement(By.id("page-message")).getText()).contains("The run has started");
            b.waitForText(By.id("run-percent"), "100 %");
            WebElement summary = b.waitFor(By.id("run-summary"));
            assertThat(b.driver().findElement(By.id("run-status")).getText()).isEqualTo("COMPLETED");
            assertThat(b.driver().findElement(By.id("run-counts")).getText()).isEqualTo("13 of 13 customers");
            assertThat(b.driver().findElement(By.id("sum-assessed")).getText()).isEqualTo("12");
            assertThat(b.driver().findElement(By.id("sum-failed")).getText()).isEqualTo("1");
            assertThat(summary.findElement(By.id("class-matrix")).isDisplayed()).isTrue();
            assertThat(b.driver().findElement(By.id("run-live")).getAttribute("hx-trigger")).isNull();
            ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('run-progress').scrollIntoView();");
            b.screenshot("desk-run");
            ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('plans-title').scrollIntoView();");
            b.screenshot("desk-run-proposals");

            b.go("/desk/runs");
            b.waitFor(By.id("runs"));
            assertThat(b.driver().findElement(By.cssSelector("#runs tbody tr")).getText()).contains("COMPLETED")
                    .contains("13 listed customers").contains("100 %");
            b.screenshot("desk-runs");
        }
    }

    @Test
    void acknowledgeAnAlertInTheBrowser() {
        // given: an alert to act on, and a plan in force below
        String subject = uniqueId("C");
        NewAlert alert = new NewAlert(uniqueId("SALES_OUTLIER_LOW"), "CUSTOMER", subject, null, Severity.HIGH,
                "customer " + subject + ": sales of the last month 10,058.85 are far below the usual 32,693.69",
                Map.of("profile.robustZ", -4.27), null);
        QuarkusTransaction.requiringNew().run(() -> alerts.raiseAll(List.of(alert), OffsetDateTime.now()));
        String id = QuarkusTransaction.requiringNew().call(() -> alerts.find("openKey", alert.openKey()).singleResult().id)
                .toString();
        PlanActivation activation = new PlanActivation(DeskAlertsPageTest.RISK, DeskAlertsPageTest.PREPAYMENT,
                "CUSTOMER:" + subject, "TestCustomerDistress", "overdue 45,000.00 for 95 days",
                Map.of("profile.oldestOverdueDays", 95), UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> plans.activateAll(List.of(activation), OffsetDateTime.now()));
        activePlans.refresh();

        try (Browser b = Browser.open(base)) {
            b.signIn("risk", "risk123");
            b.go("/desk/alerts");
            By row = By.cssSelector("tr[data-alert='" + id + "']");
            b.waitFor(row);

            // when
            b.driver().findElement(row).findElement(By.cssSelector("button[data-action=acknowledge]")).click();

            // then
            b.waiting(Duration.ofSeconds(20)).until(d -> d.findElements(By.id("page-message")).size() == 1);
            assertThat(b.driver().findElement(By.id("page-message")).getText()).isEqualTo("The alert is acknowledged.");
            assertThat(b.driver().findElement(row).findElement(By.cssSelector("[data-testid=alert-status]")).getText())
                    .isEqualTo("ACKNOWLEDGED");
            assertThat(b.driver().findElement(row).findElements(By.cssSelector("button[data-action=acknowledge]"))).isEmpty();
            b.screenshot("desk-alerts");
        }
        riskOfficer().get("/api/alerts/" + id).then().body("status", equalTo("ACKNOWLEDGED"));
    }
}
