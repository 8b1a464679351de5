package io.salesrisk.backtest;

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

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.activeVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backtest pages over HTTP: an officer starts a backtest with the CSRF token, follows its progress and reads the
 * scores; a refusal is shown at the form with what was typed; auditors read only; sales are refused; names escaped.
 */
@QuarkusTest
class DeskBacktestsPageTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOfficerStartsABacktestFollowsItAndReadsTheScores() {
        String region = "<i>BT&" + UUID.randomUUID().toString().substring(0, 6) + "</i>";
        ProfileData gap = ProfileData.customer("BTD-" + UUID.randomUUID().toString().substring(0, 8)).region(region);
        for (int back = 5; back <= 24; back++) {
            gap.sale(AS_OF, back, "1000");
        }
        gap.insert(dataSource);
        ProfileData.customer("BTD-" + UUID.randomUUID().toString().substring(0, 8)).region(region)
                .flatSales(AS_OF, 24, "1000").insert(dataSource);

        DeskClient officer = DeskClient.riskOfficer();
        Document form = officer.page("/desk/backtests");
        assertThat(form.selectFirst("#start-backtest")).isNotNull();
        Response started = officer.post("/desk/backtests", Map.of("asOf", AS_OF.toString(), "horizonMonths", "3",
                "region", region, "version", ""));
        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.header("Location");
        assertThat(location).contains("/desk/backtests/");
        String path = location.substring(location.indexOf("/desk/backtests/"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                Jsoup.parse(officer.get(path + "/live").body().asString()).selectFirst("#backtest-status").text().equals("COMPLETED"));
        Response page = officer.get(path);
        String html = page.body().asString();
        assertThat(html).doesNotContain("<i>BT&").contains("&lt;i&gt;BT&amp;");
        Document done = Jsoup.parse(html);
        assertThat(done.selectFirst("#backtest-live").hasAttr("hx-get")).isFalse();
        assertThat(done.selectFirst("#bt-assessed").text()).isEqualTo("2");
        Element gapLine = done.selectFirst("tr[data-signal=PURCHASE_GAP][data-severity=ALL]");
        assertThat(gapLine).isNotNull();
        // the one customer that paused was flagged and did not come back: 1 flagged, 1 hit
        assertThat(gapLine.select("td.num").get(0).text()).isEqualTo("1");
        assertThat(gapLine.select("td.num").get(1).text()).isEqualTo("1");
        assertThat(done.selectFirst("#base-rates").text()).contains("SALES_DROP");
        assertThat(done.selectFirst("nav a[aria-current=page]").text()).isEqualTo("Backtests");
        assertThat(officer.page("/desk/backtests").selectFirst("#backtests").text()).contains("COMPLETED");
    }

    @Test
    void aRefusalIsShownAtTheFormWithWhatWasTyped() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/backtests");
        String future = LocalDate.now().minusMonths(1).toString();
        Response refused = officer.post("/desk/backtests", Map.of("asOf", future, "horizonMonths", "3", "segment", "SMB",
                "region", "", "version", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.selectFirst("#page-message").text()).startsWith("asOf: ").contains("after today");
        assertThat(page.selectFirst("#asOf").attr("value")).isEqualTo(future);
        assertThat(page.selectFirst("#segment").attr("value")).isEqualTo("SMB");
    }

    @Test
    void aVersionPageLinksToItsBacktestAndAuditorsReadOnly() {
        String version = activeVersion();
        Document versionPage = DeskClient.riskOfficer().page("/desk/rulesets/" + version);
        assertThat(versionPage.selectFirst("#backtest-version").attr("href")).isEqualTo("/desk/backtests?version=" + version);
        assertThat(DeskClient.riskOfficer().page("/desk/backtests?version=" + version).selectFirst("#version").attr("value"))
                .isEqualTo(version);

        DeskClient auditor = DeskClient.auditor();
        assertThat(auditor.page("/desk/backtests").select("#start-backtest")).isEmpty();
        assertThat(auditor.post("/desk/backtests", Map.of("asOf", AS_OF.toString())).statusCode()).isEqualTo(403);
        assertThat(DeskClient.sales().get("/desk/backtests").statusCode()).isEqualTo(403);
        assertThat(DeskClient.riskOfficer().get("/desk/backtests/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/backtests");
        assertThat(officer.postWithoutToken("/desk/backtests", Map.of("asOf", AS_OF.toString())).statusCode()).isIn(400, 403);
    }
}
