package io.salesrisk.kpi;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.salesrisk.testsupport.DeskClient;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI board over HTTP: an officer evaluates with the CSRF token and sees the new values with their bands, rows
 * and trends, crossed ones highlighted; auditors read without the button; sales are refused; scope names escaped.
 */
@QuarkusTest
class DeskKpisPageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOfficerEvaluatesAndSeesTheCrossedKpiHighlightedWithItsBandsAndRow() {
        KpiData data = new KpiData(dataSource);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String segment = "<b>KPI&" + tag + "</b>";
        String customer = "C-DESK-" + tag;
        data.customer(customer, segment, "DESKREG" + tag);
        // receivables 60,000 all overdue of credit sales 60,000 in the window: DSO 90 days (ALERT)
        LocalDate today = LocalDate.now();
        data.invoice(customer, today.minusDays(60), today.minusDays(30), "60000", "0", null);

        DeskClient officer = DeskClient.riskOfficer();
        Document before = officer.page("/desk/kpis");
        assertThat(before.selectFirst("#evaluate-form button").text()).isEqualTo("Evaluate now");

        Response evaluated = officer.post("/desk/kpis/evaluate", Map.of());
        assertThat(evaluated.statusCode()).isEqualTo(303);
        assertThat(evaluated.header("Location")).endsWith("/desk/kpis?done=evaluated");
        officer.post("/desk/kpis/evaluate", Map.of());
        Response board = officer.get("/desk/kpis?done=evaluated");

        String html = board.body().asString();
        assertThat(html).doesNotContain("<b>KPI&").contains("&lt;b&gt;KPI&amp;" + tag + "&lt;/b&gt;");
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("#page-message").text()).contains("evaluated");
        Element dso = page.selectFirst("#kpi-DSO tr[data-scope='SEGMENT:" + segment + "']");
        assertThat(dso).isNotNull();
        assertThat(dso.hasClass("crossed")).isTrue();
        assertThat(dso.selectFirst("td.value").text()).isEqualTo("90 days");
        assertThat(dso.selectFirst("[data-testid=band]").text()).isEqualTo("ALERT");
        assertThat(dso.text()).contains("DsoAlert").contains("process-kpis.xlsx, sheet Kpis, row 12");
        assertThat(dso.selectFirst("svg.trend").attr("aria-label")).isEqualTo("trend 90 → 90");
        assertThat(dso.selectFirst("polyline").attr("points")).isNotBlank();
        assertThat(page.selectFirst("#kpi-DSO [data-testid=bands]").text()).contains("OK below 60").contains("WATCH 60–90")
                .contains("ALERT from 90");
        Element overdue = page.selectFirst("#kpi-OVERDUE_SHARE tr[data-scope='SEGMENT:" + segment + "']");
        assertThat(overdue.selectFirst("td.value").text()).isEqualTo("100 %");
    }

    @Test
    void auditorsReadWithoutTheButtonAndCannotPost() {
        Document page = DeskClient.auditor().page("/desk/kpis");
        assertThat(page.select("#evaluate-form")).isEmpty();
        assertThat(page.selectFirst("nav a[aria-current=page]").text()).isEqualTo("KPIs");
        assertThat(DeskClient.auditor().post("/desk/kpis/evaluate", Map.of()).statusCode()).isEqualTo(403);
        assertThat(DeskClient.sales().get("/desk/kpis").statusCode()).isEqualTo(403);
    }

    @Test
    void evaluateWithoutTheCsrfTokenIsRefused() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/kpis");
        assertThat(officer.postWithoutToken("/desk/kpis/evaluate", Map.of()).statusCode()).isIn(400, 403);
    }
}
