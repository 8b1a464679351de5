package io.salesrisk.desk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.testsupport.Api;
import io.salesrisk.testsupport.Browser;
import io.salesrisk.testsupport.ShippedTables;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk officer in Chromium: a workbook with a typo is refused at its cell; a good one is diffed and simulated,
 * approved by a second officer in another browser, activated and rolled back.
 */
@QuarkusTest
class RuleSetsBrowserTest {

    private static final String XLSX = "order-credit-checks.xlsx";

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOfficerUploadsDiffsSimulatesAndAfterASecondOfficersApprovalActivatesAndRollsBack() throws Exception {
        String shipped = Api.activeVersion();
        String customer = Api.createCustomer("B", "MIDMARKET", "5000000", 60);
        String order = Api.uniqueId("SO");
        Api.sales().body(Api.order(order, customer, "210000", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200);
        Path folder = Files.createTempDirectory("desk-rulesets");
        Path broken = Files.createDirectories(folder.resolve("broken")).resolve(XLSX);
        Files.write(broken, ShippedTables.withCell("OrderValue", "C12", "9O000"));
        Path good = Files.createDirectories(folder.resolve("good")).resolve(XLSX);
        Files.write(good, DeskRuleSetsPageTest.goodWorkbook());

        try (Browser risk = Browser.open(base); Browser risk2 = Browser.open(base)) {
            risk.signIn("risk", "risk123");
            risk.go("/desk/rulesets");
            risk.driver().findElement(By.id("upload-files")).sendKeys(broken.toString());
            risk.driver().findElement(By.id("upload-note")).sendKeys("class C threshold, with a typo");
            risk.driver().findElement(By.id("upload-submit")).click();
            WebElement cell = risk.waitFor(By.cssSelector("#upload-errors [data-cell]"));
            assertThat(cell.getText()).isEqualTo("C12");
            assertThat(risk.driver().findElement(By.cssSelector("#upload-errors tbody tr")).getText())
                    .contains(XLSX).contains("OrderValue");
            assertThat(risk.driver().findElement(By.id("upload-refused")).getText()).contains("REJECTED");
            risk.screenshot("desk-ruleset-error");
            risk.driver().findElement(By.id("rejected-version")).click();
            risk.waitForText(By.id("state"), "REJECTED");
            assertThat(risk.driver().findElement(By.cssSelector("#compile-messages [data-cell]")).getText()).isEqualTo("C12");
            assertThat(risk.driver().findElements(By.id("activate"))).isEmpty();
            risk.screenshot("desk-ruleset-rejected");

            risk.go("/desk/rulesets");
            risk.driver().findElement(By.id("upload-files")).sendKeys(good.toString());
            risk.driver().findElement(By.id("upload-note")).sendKeys("class B maximum order value lowered");
            risk.driver().findElement(By.id("upload-submit")).click();
            WebElement row = risk.waitFor(By.cssSelector("#diff-rows tbody tr"));
            assertThat(row.getText()).contains("Risk class = B").contains("Max order value");
            String version = risk.driver().getCurrentUrl().replaceAll(".*/desk/rulesets/(\\w{12})\\?done=uploaded$", "$1");
            assertThat(version).hasSize(12);
            assertThat(risk.driver().findElement(By.id("state")).getText()).isEqualTo("CANDIDATE");
            assertThat(risk.driver().findElements(By.id("approve"))).isEmpty(); // the author cannot approve
            risk.screenshot("desk-ruleset-version");

            risk.driver().findElement(By.id("simulate")).click();
            risk.waitFor(By.id("sim-matrix"));
            assertThat(risk.driver().findElement(By.cssSelector("#sim-matrix td[data-from=APPROVE][data-to=REVIEW]"))
                    .getText()).isNotEqualTo("0");
            WebElement changed = risk.driver().findElement(By.cssSelector("#sim-changed-list tr[data-order=" + order + "]"));
            assertThat(changed.getText()).contains("APPROVE").contains("REVIEW").contains("MaxOrderValueExceeded");
            scrollTo(risk, "simulation");
            risk.screenshot("desk-ruleset-simulation");

            try (Browser auditor = Browser.open(base)) {
                auditor.signIn("auditor", "audit123");
                auditor.go("/desk/rulesets/" + version);
                auditor.waitFor(By.id("diff-rows"));
                assertThat(auditor.driver().findElements(By.cssSelector("main form[method=post], #approve, #activate")))
                        .isEmpty();
                auditor.screenshot("desk-ruleset-auditor");
            }

            risk2.signIn("risk2", "risk123");
            risk2.go("/desk/rulesets/" + version);
            risk2.waitFor(By.id("approve")).click();
            risk2.waitForText(By.id("done"), "Approved");
            assertThat(risk2.driver().findElement(By.id("approved-by")).getText()).startsWith("risk2");

            risk.go("/desk/rulesets/" + version);
            risk.waitFor(By.id("activate")).click();
            risk.waitForText(By.id("done"), "Activated");
            assertThat(risk.driver().findElement(By.id("state")).getText()).isEqualTo("ACTIVE");
            assertThat(Api.activeVersion()).isEqualTo(version);

            risk.waitFor(By.id("rollback")).click();
            risk.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/desk/rulesets/" + shipped));
            risk.waitForText(By.id("done"), "replaced " + version);
            assertThat(risk.driver().findElement(By.id("state")).getText()).isEqualTo("ACTIVE");
            assertThat(Api.activeVersion()).isEqualTo(shipped);

            risk.go("/desk/rulesets");
            risk.waitFor(By.id("versions"));
            assertThat(risk.driver().findElement(By.cssSelector("#versions tr[data-version='" + version + "']")).getText())
                    .contains("RETIRED").contains("risk2");
            risk.screenshot("desk-rulesets");
        } finally {
            if (!Api.activeVersion().equals(shipped)) {
                Api.activate(shipped);
            }
        }
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }
}
