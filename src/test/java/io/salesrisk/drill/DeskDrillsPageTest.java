package io.salesrisk.drill;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.salesrisk.testsupport.DeskClient;
import io.salesrisk.testsupport.ProfileData;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drills page over HTTP: an officer runs a drill with the CSRF token and reads its report; a refused drill keeps
 * what was typed and names the field; names are escaped; auditors read without the form; sales are refused.
 */
@QuarkusTest
class DeskDrillsPageTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOfficerRunsADrillAndReadsItsReport() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ProfileData weak = ProfileData.customer("DESK-DR-" + tag).years(1).rating("CCC").flatSales(TODAY, 24, "20000")
                .invoice(TODAY.minusDays(20), TODAY.plusDays(10), "50000", "0", null)
                .order("5000", TODAY.minusDays(2), "APPROVED").insert(dataSource);
        DeskClient officer = DeskClient.riskOfficer();
        Document list = officer.page("/desk/drills");
        assertThat(list.selectFirst("#start-drill button").text()).isEqualTo("Run drill");
        assertThat(list.selectFirst("nav a[aria-current=page]").text()).isEqualTo("Drills");

        Response ran = officer.post("/desk/drills", Map.of("scenario", "CUSTOMER_DEFAULT", "customerId", weak.id()));
        assertThat(ran.statusCode()).isEqualTo(303);
        String location = ran.header("Location");
        assertThat(location).contains("/desk/drills/");

        Document report = officer.page(location.substring(location.indexOf("/desk/")));
        assertThat(report.selectFirst("#description").text()).contains(weak.id()).contains("defaults");
        Element customer = report.selectFirst("#customers tr[data-customer=" + weak.id() + "]");
        assertThat(customer.selectFirst("[data-testid=class]").text()).isEqualTo("D → E");
        assertThat(report.selectFirst("#plans tr[data-scope=CUSTOMER:" + weak.id() + "]").attr("data-plan"))
                .isEqualTo("collections-escalation");
        assertThat(report.selectFirst("#held-orders tr[data-order=" + weak.id() + "-O1]").text()).contains("APPROVED");
        assertThat(report.select("#matrix td.moved").text()).contains("1");
        // and it is listed
        assertThat(officer.page("/desk/drills").select("#drills a").eachAttr("href"))
                .contains(location.substring(location.indexOf("/desk/")));
    }

    @Test
    void aRefusedDrillKeepsTheFormAndNamesTheField() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/drills");
        Response refused = officer.post("/desk/drills", Map.of("scenario", "SALES_DROP", "segment", "SMB", "percent", "200"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.selectFirst("#page-message").text()).contains("percent").contains("outside 0 to 100");
        assertThat(page.selectFirst("#percent").attr("value")).isEqualTo("200");
        assertThat(page.selectFirst("#scenario option[selected]").attr("value")).isEqualTo("SALES_DROP");
    }

    @Test
    void namesFromTheDataAreEscaped() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String industry = "<i>Ind&" + tag + "</i>";
        YearMonth month = YearMonth.from(TODAY).minusMonths(1);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO market_index (industry, index_month, index_value) VALUES (?, ?, ?)")) {
            for (YearMonth m : new YearMonth[]{month, month.minusMonths(12)}) {
                insert.setString(1, industry);
                insert.setObject(2, m.atDay(1));
                insert.setBigDecimal(3, new BigDecimal("100"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        ProfileData.customer("DESK-DRM-" + tag).industry(industry).flatSales(TODAY, 24, "10000").insert(dataSource);
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/drills");
        Response ran = officer.post("/desk/drills", Map.of("scenario", "MARKET_INDEX_DROP", "industry", industry, "percent", "30"));
        assertThat(ran.statusCode()).isEqualTo(303);
        String location = ran.header("Location");
        String html = officer.get(location.substring(location.indexOf("/desk/"))).body().asString();
        assertThat(html).doesNotContain("<i>Ind&").contains("&lt;i&gt;Ind&amp;" + tag + "&lt;/i&gt;");
        assertThat(officer.get("/desk/drills").body().asString()).doesNotContain("<i>Ind&");
    }

    @Test
    void auditorsReadWithoutTheFormAndSalesAreRefused() {
        Document page = DeskClient.auditor().page("/desk/drills");
        assertThat(page.select("#start-drill")).isEmpty();
        assertThat(DeskClient.auditor().post("/desk/drills", Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", "5"))
                .statusCode()).isEqualTo(403);
        assertThat(DeskClient.sales().get("/desk/drills").statusCode()).isEqualTo(403);
        assertThat(DeskClient.auditor().get("/desk/drills/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aDrillWithoutTheCsrfTokenIsRefused() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/drills");
        assertThat(officer.postWithoutToken("/desk/drills", Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", "5"))
                .statusCode()).isIn(400, 403);
    }
}
