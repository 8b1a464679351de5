package io.salesrisk.desk;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.testsupport.Browser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The customer pages in Chromium: a script in a name stays text, the history chart draws; screenshots for the tour. */
@QuarkusTest
class CustomersBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aScriptInACustomerNameShowsAsTextAndNeverRuns() {
        String id = CustomerFixtures.customer(CustomerFixtures.XSS_NAME, "B", "SMB", "DACH", "10000");
        try (Browser b = Browser.open(base)) {
            b.signIn("sales", "sales123");
            b.go("/desk/customers?q=" + id);
            WebElement name = b.waitFor(By.cssSelector("tr[data-customer='" + id + "'] a.name"));
            assertNoAlert(b);
            assertThat(name.getText()).isEqualTo(CustomerFixtures.XSS_NAME);
            assertThat(name.isDisplayed()).isTrue();

            name.click();
            WebElement heading = b.waitFor(By.id("customer-name"));
            assertNoAlert(b);
            assertThat(heading.getText()).isEqualTo(CustomerFixtures.XSS_NAME);
            assertThat(b.driver().getCurrentUrl()).endsWith("/desk/customers/" + id);
            // no script element in the page carries the name
            List<WebElement> scripts = b.driver().findElements(By.tagName("script"));
            assertThat(scripts).allMatch(s -> s.getAttribute("src") != null && !s.getAttribute("src").isEmpty());
        }
    }

    @Test
    void aCustomerWithHistoryAndTheListForTheTour() throws Exception {
        String id = CustomerFixtures.withHistory(dataSource, "Nordwind Maschinenbau GmbH");
        String[][] tour = {
                {"Alpenglühen Hotels AG", "A", "MIDMARKET", "DACH", "400000", "0.62"},
                {"Brabant Logistics B.V.", "B", "ENTERPRISE", "Benelux", "1200000", "0.18"},
                {"Côte Verte Distribution SAS", "C", "SMB", "France", "80000", "0.91"},
                {"Dalarna Trä AB", "B", "SMB", "Nordics", "150000", "0.44"},
                {"Elbe Chemie GmbH", "D", "ENTERPRISE", "DACH", "900000", "1.07"},
                {"Fiordi Alimentari S.p.A.", "A", "MIDMARKET", "Italy", "350000", "0.29"},
                {"Gemeente Haarlem", "A", "PUBLIC", "Benelux", "2000000", "0.08"},
                {"Hansa Bau KG", "E", "SMB", "DACH", "25000", "0.97"},
                {"Iberia Textil S.L.", "C", "MIDMARKET", "Iberia", "220000", "0.55"}};
        LocalDate today = LocalDate.now();
        for (String[] c : tour) {
            String customer = CustomerFixtures.customer(c[0], c[1], c[2], c[3], c[4]);
            BigDecimal open = new BigDecimal(c[4]).multiply(new BigDecimal(c[5]));
            CustomerFixtures.invoice(customer, today.minusDays(40), today.minusDays(10), open.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), "0");
        }
        try (Browser b = Browser.open(base)) {
            b.signIn("risk", "risk123");
            b.go("/desk/customers/" + id);
            b.waitFor(By.id("customer-name"));
            // desk.js drew both charts with uPlot
            b.waiting(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#score-chart canvas")).size() == 1
                    && d.findElements(By.cssSelector("#limit-chart canvas")).size() == 1);
            assertNoAlert(b);
            Path detail = b.screenshot("desk-customer");
            assertThat(Files.size(detail)).isPositive();
            // the lower half of the page: history table, signals, alerts, plans, orders
            ((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeScript("document.getElementById('history-title').scrollIntoView()");
            b.screenshot("desk-customer-history");
            ((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeScript("document.getElementById('plans-title').scrollIntoView()");
            b.screenshot("desk-customer-orders");

            b.go("/desk/customers?sort=updated&dir=desc");
            b.waitFor(By.id("customers"));
            assertThat(b.driver().findElements(By.cssSelector("#customers tbody tr"))).isNotEmpty();
            b.screenshot("desk-customers");
        }
    }

    private static void assertNoAlert(Browser b) {
        assertThatThrownBy(() -> b.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
}
