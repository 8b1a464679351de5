package io.salesrisk.desk;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.facts.Severity;
import io.salesrisk.testsupport.Browser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: an alert raised while an officer has the alert list or the dashboard open appears there without a
 * reload (the desk's alert stream), and a message from data stays text in the toast and the row.
 */
@QuarkusTest
class LiveAlertsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AlertService alerts;

    @Test
    void anAlertRaisedWhileTheListIsOpenAppearsWithoutAReload() {
        String subject = uniqueId("LIVE");
        try (Browser risk = Browser.open(base)) {
            risk.signIn("risk", "risk123");
            risk.go("/desk/alerts");
            risk.waitForText(By.id("live-status"), "live");
            // a marker on the page: a reload would lose it
            ((org.openqa.selenium.JavascriptExecutor) risk.driver()).executeScript("window.notReloaded = true;");

            raise(subject, "<img src=x onerror=alert(1)> sales fell 60 %");

            risk.waiting(Duration.ofSeconds(15)).until(d ->
                    d.findElements(By.xpath("//table[@id='alert-table']//td[contains(., '" + subject + "')]")).size() == 1);
            Object marker = ((org.openqa.selenium.JavascriptExecutor) risk.driver()).executeScript("return window.notReloaded;");
            assertThat(marker).isEqualTo(Boolean.TRUE);
            String toast = risk.waitFor(By.cssSelector("#toast p")).getText();
            assertThat(toast).contains(subject).contains("<img src=x onerror=alert(1)>");
            assertThat(risk.driver().findElements(By.cssSelector("#alert-table img, #toast img"))).isEmpty();
            risk.screenshot("desk-alerts-live");
        }
    }

    @Test
    void theDashboardsAlertTileCountsAnAlertRaisedWhileItIsOpen() {
        try (Browser risk = Browser.open(base)) {
            risk.signIn("risk", "risk123");
            risk.waitFor(By.id("tile-alerts"));
            risk.waiting(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".tiles[data-alert-stream]")).isEmpty());
            long before = Long.parseLong(risk.driver().findElement(By.cssSelector("#tile-alerts .value")).getText().trim());
            // raised at once: the page's stream starts after the last event when the page was rendered
            raise(uniqueId("TILE"), "exposure over limit");
            risk.waiting(Duration.ofSeconds(15)).until(d -> Long.parseLong(
                    d.findElement(By.cssSelector("#tile-alerts .value")).getText().trim()) > before);
        }
    }

    private void raise(String subject, String message) {
        NewAlert alert = new NewAlert(uniqueId("LIVE_ALERT"), "CUSTOMER", subject, null, Severity.HIGH, message,
                Map.of("drop", 60), null);
        QuarkusTransaction.requiringNew().run(() -> alerts.raise(List.of(alert), OffsetDateTime.now()));
    }
}
