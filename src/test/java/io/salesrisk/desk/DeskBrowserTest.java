package io.salesrisk.desk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.List;

import static io.salesrisk.desk.DeskWorklistPageTest.heldOrder;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.customer;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk in Debian's Chromium: roles, the four-eyes release, escaping, and the pages as people see them. */
@QuarkusTest
class DeskBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void eachRoleSeesOnlyWhatItMay() {
        try (Browser sales = Browser.open(base)) {
            sales.signIn("sales", "sales123");
            List<String> menu = menu(sales);
            assertEquals(List.of("Dashboard", "Customers", "Contingency plans"), menu);
            sales.go("/desk/worklist");
            assertTrue(sales.waitFor(By.cssSelector(".msg[data-kind=forbidden]")).getText().contains("may not open"));
            sales.screenshot("desk-forbidden-sales");
        }
        try (Browser auditor = Browser.open(base)) {
            auditor.signIn("auditor", "audit123");
            assertEquals(List.of("Dashboard", "Worklist", "Customers", "Rule sets", "Re-evaluation", "Alerts & plans", "KPIs", "Rule effectiveness", "Backtests", "Drills", "Webhooks"), menu(auditor));
            auditor.go("/desk/worklist");
            auditor.waitFor(By.id("worklist"));
            assertTrue(auditor.driver().findElements(By.cssSelector("form#bulk button[value=release]")).isEmpty(),
                    "auditors read, they do not act");
        }
        try (Browser officer = Browser.open(base)) {
            officer.signIn("risk", "risk123");
            assertEquals(List.of("Dashboard", "Worklist", "Customers", "Rule sets", "Re-evaluation", "Alerts & plans", "KPIs", "Rule effectiveness", "Backtests", "Drills", "Webhooks"), menu(officer));
            officer.waitFor(By.id("tile-holds"));
            officer.screenshot("desk-dashboard-first-look");
            officer.driver().findElement(By.cssSelector("header form button")).click();
            assertTrue(officer.waitFor(By.id("signed-out")).getText().contains("signed out"));
            officer.go("/desk/worklist");
            officer.waitFor(By.id("j_username"));
        }
    }

    @Test
    void aReleaseBeyondAuthorityShowsTheFourEyesPendingStateAndASecondOfficerReleasesIt() {
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 60);
        heldOrder(customer, "1000");
        heldOrder(customer, "120000");
        String orderId = heldOrder(customer, "50000.01");
        try (Browser risk = Browser.open(base)) {
            risk.signIn("risk", "risk123");
            risk.go("/desk/worklist?customerId=" + customer);
            risk.waitFor(By.id("worklist"));
            risk.screenshot("desk-worklist");
            // sorting swaps the page in place (htmx) and keeps the filter in the address
            risk.driver().findElement(By.linkText("Amount")).click();
            risk.waiting(java.time.Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("sort=AMOUNT"));
            assertTrue(risk.driver().getCurrentUrl().contains("customerId=" + customer));
            List<String> amounts = risk.driver().findElements(By.cssSelector("#worklist tbody tr td:nth-child(7)")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("1,001,000.00", "1,050,000.01", "1,120,000.00"), amounts);
            risk.driver().findElement(By.linkText(orderId)).click();
            risk.waitFor(By.id("explanation"));
            risk.driver().findElement(By.id("open-release")).click();
            new Select(risk.driver().findElement(By.id("o-release-reason"))).selectByVisibleText("STRATEGIC_CUSTOMER");
            risk.driver().findElement(By.id("o-comment")).sendKeys("long-standing customer");
            risk.driver().findElement(By.id("do-release")).click();
            WebElement pending = risk.waitFor(By.id("four-eyes-pending"));
            assertTrue(pending.getText().contains("risk approved the release"), pending.getText());
            assertTrue(risk.driver().findElement(By.cssSelector(".msg[data-kind=pending]")).getText()
                    .contains("pending a second officer's approval"));
            // the pending state sits above the explanation and the history
            assertTrue(pending.getLocation().getY() < risk.driver().findElement(By.id("explanation")).getLocation().getY());
            risk.screenshot("desk-order-pending");
        }
        try (Browser risk2 = Browser.open(base)) {
            risk2.signIn("risk2", "risk123");
            risk2.go("/desk/orders/" + orderId);
            risk2.waitFor(By.id("four-eyes-pending"));
            risk2.driver().findElement(By.id("open-release")).click();
            risk2.driver().findElement(By.id("do-release")).click();
            risk2.waitForText(By.id("order-status"), "RELEASED");
            assertTrue(risk2.driver().findElement(By.cssSelector(".msg[data-kind=done]")).getText().contains("released by risk and risk2"));
            risk2.screenshot("desk-order-released");
        }
    }

    @Test
    void aCustomerNamedLikeAScriptShowsAsTextAndRunsNothing() {
        String customer = uniqueId("C");
        riskOfficer().body(customer("A", "ENTERPRISE", "1000000", 60).replace("Test Customer AG", "<script>alert(1)</script>"))
                .put("/api/customers/" + customer).then().statusCode(201);
        String orderId = heldOrder(customer, "1000");
        try (Browser risk = Browser.open(base)) {
            risk.signIn("risk", "risk123");
            risk.go("/desk/worklist?customerId=" + customer);
            WebElement row = risk.waitFor(By.cssSelector("tr[data-order='" + orderId + "']"));
            assertTrue(row.getText().contains("<script>alert(1)</script>"), row.getText());
            assertThrows(NoAlertPresentException.class, () -> risk.driver().switchTo().alert());
            risk.go("/desk/orders/" + orderId);
            risk.waitFor(By.id("explanation"));
            assertThrows(NoAlertPresentException.class, () -> risk.driver().switchTo().alert());
            risk.screenshot("desk-xss-as-text");
        }
    }

    @Test
    void theOrderPageShowsTheRowsThatDecidedAndTheNearestMisses() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        String orderId = uniqueId("SO");
        io.salesrisk.testsupport.Api.sales().body(io.salesrisk.testsupport.Api.order(orderId, customer, "141500", "EUR", 30, "0", true))
                .post("/api/orders/evaluate").then().statusCode(200);
        try (Browser auditor = Browser.open(base)) {
            auditor.signIn("auditor", "audit123");
            auditor.go("/desk/orders/" + orderId);
            auditor.waitFor(By.id("explanation"));
            assertFalse(auditor.driver().findElements(By.cssSelector("#explanation tr.matched")).isEmpty());
            auditor.fullScreenshot("desk-order");
        }
    }

    private static List<String> menu(Browser browser) {
        return browser.driver().findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }
}
