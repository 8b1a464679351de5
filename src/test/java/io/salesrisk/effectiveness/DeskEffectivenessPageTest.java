package io.salesrisk.effectiveness;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule-effectiveness page over HTTP: the period form, a flagged signal row highlighted with its reason, never-fired
 * order rows, every value escaped; auditors read it, sales are refused, a bad day is said at the form.
 */
@QuarkusTest
class DeskEffectivenessPageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFlaggedRowIsHighlightedWithItsReasonAndNamesAreEscaped() {
        EffectivenessData data = new EffectivenessData(dataSource);
        LocalDate day = EffectivenessData.pastDay(90);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String rule = "<b>EffDesk&" + tag + "</b>";
        OffsetDateTime created = day.minusDays(400).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<String> customers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String id = "C-EFFDESK-" + tag + "-" + i;
            data.customer(id, "EFFDESK" + tag, created);
            customers.add(id);
        }
        // payment deterioration on customers 1 and 2; only customer 3 (not signalled) went overdue: lift 0
        data.invoice(customers.get(2), day.plusDays(10), "5000", "0", null);
        UUID run = data.run(day, customers);
        OffsetDateTime at = day.atTime(3, 0).atOffset(ZoneOffset.UTC);
        data.signal(run, customers.get(0), "PAYMENT_DETERIORATION", rule, at);
        data.signal(run, customers.get(1), "PAYMENT_DETERIORATION", rule, at);

        Response response = DeskClient.riskOfficer().get("/desk/effectiveness?from=" + day + "&to=" + day);

        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body().asString();
        assertThat(html).doesNotContain("<b>EffDesk&").contains("&lt;b&gt;EffDesk&amp;" + tag + "&lt;/b&gt;");
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("nav a[aria-current=page]").text()).isEqualTo("Rule effectiveness");
        assertThat(page.selectFirst("#from").val()).isEqualTo(day.toString());
        Element row = page.selectFirst("#signal-table tr[data-rule='" + rule + "']");
        assertThat(row).isNotNull();
        assertThat(row.hasClass("flagged")).isTrue();
        assertThat(row.selectFirst("[data-testid=hit-rate]").text()).isEqualTo("0.0 % (0 of 2)");
        assertThat(row.selectFirst("[data-testid=base-rate]").text()).isEqualTo("25.0 % (1 of 4)");
        assertThat(row.selectFirst("[data-testid=lift]").text()).isEqualTo("0.00");
        assertThat(row.selectFirst("td.reason").text()).isEqualTo("LOW_LIFT lift 0 (hit rate 0 % against a base rate of 25 %), below 1.5");
        Element idle = page.selectFirst("#order-table tr[data-rule='CreditLimitExceeded[A]']");
        assertThat(idle.hasClass("flagged")).isTrue();
        assertThat(idle.selectFirst("[data-testid=decisions]").text()).isEqualTo("0");
        assertThat(idle.selectFirst("td.reason").text()).isEqualTo("NEVER_FIRED never fired from " + day + " to " + day
                + " (no decision in the period)");
        assertThat(page.select("#period-form input[type=hidden]")).isEmpty(); // a GET filter: no CSRF token to leak
    }

    @Test
    void auditorsReadItSalesAreRefusedAndABadDayIsSaidAtTheForm() {
        Document page = DeskClient.auditor().page("/desk/effectiveness");
        assertThat(page.selectFirst("#summary").text()).contains("rows flagged for review");
        assertThat(page.selectFirst("#from").val()).isEqualTo(LocalDate.now().minusDays(89).toString());
        assertThat(page.select("nav a[href='/desk/effectiveness']")).hasSize(1);
        assertThat(DeskClient.sales().get("/desk/effectiveness").statusCode()).isEqualTo(403);
        assertThat(DeskClient.sales().page("/desk").select("nav a[href='/desk/effectiveness']")).isEmpty();

        Response bad = DeskClient.auditor().get("/desk/effectiveness?from=2023-02-30&to=2023-03-01");
        assertThat(bad.statusCode()).isEqualTo(422);
        Document refused = Jsoup.parse(bad.body().asString());
        assertThat(refused.selectFirst("#page-message").text()).isEqualTo("from: from must be a day as YYYY-MM-DD, not '2023-02-30'");
        assertThat(refused.selectFirst("#from").val()).isEqualTo("2023-02-30");
        assertThat(refused.select("#order-table")).isEmpty();
    }
}
