package io.salesrisk.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.salesrisk.testsupport.DeskClient;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer list and a customer's page: search, filters, sorting, paging, the sections, roles, escaping, 404. */
@QuarkusTest
class DeskCustomersPageTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void shouldSearchByIdAndNameAndFilterBySegmentRegionAndClass() {
        String region = uniqueId("R");
        String tag = uniqueId("Fjord").toLowerCase();
        String alpha = CustomerFixtures.customer("Alpha " + tag + " Trading", "A", "SMB", region, "50000");
        String beta = CustomerFixtures.customer("Beta " + tag + " Holding", "D", "ENTERPRISE", region, "250000");
        String gamma = CustomerFixtures.customer("Gamma " + tag + " Logistics", "D", "SMB", region, "75000");
        DeskClient officer = DeskClient.riskOfficer();

        // by id (prefix) and by part of the name, in any case
        assertThat(ids(officer.page("/desk/customers?q=" + beta))).containsExactly(beta);
        assertThat(ids(officer.page("/desk/customers?q=" + tag.toUpperCase() + "&region=" + region)))
                .containsExactlyInAnyOrder(alpha, beta, gamma);
        assertThat(ids(officer.page("/desk/customers?q=GAMMA " + tag))).containsExactly(gamma);

        // filters
        assertThat(ids(officer.page("/desk/customers?region=" + region + "&segment=SMB")))
                .containsExactlyInAnyOrder(alpha, gamma);
        assertThat(ids(officer.page("/desk/customers?region=" + region + "&riskClass=D")))
                .containsExactlyInAnyOrder(beta, gamma);
        Document filtered = officer.page("/desk/customers?region=" + region + "&segment=SMB&riskClass=D");
        assertThat(ids(filtered)).containsExactly(gamma);
        assertThat(filtered.selectFirst("#f-segment option[selected]").val()).isEqualTo("SMB");
        assertThat(filtered.selectFirst("#f-class option[selected]").val()).isEqualTo("D");
        assertThat(filtered.selectFirst("#f-region").val()).isEqualTo(region);

        // a row: id, name, segment, region, class badge, limit, exposure; both links open the customer
        Element row = filtered.selectFirst("tr[data-customer=" + gamma + "]");
        assertThat(row.select("td").eachText()).contains(gamma, "Gamma " + tag + " Logistics", "SMB", region, "D",
                "75,000.00", "0.00");
        assertThat(row.selectFirst("span.badge.D")).isNotNull();
        assertThat(row.select("a").eachAttr("href")).containsOnly("/desk/customers/" + gamma);

        Document none = officer.page("/desk/customers?region=" + region + "&riskClass=A&segment=ENTERPRISE");
        assertThat(none.selectFirst("#none")).isNotNull();
        assertThat(none.selectFirst("#found").text()).startsWith("0 found");
    }

    @Test
    void shouldSortAndPageOnTheServer() {
        String region = uniqueId("R");
        for (int i = 1; i <= 27; i++) {
            CustomerFixtures.customer("Pager " + i, "B", "MIDMARKET", region, String.valueOf(1000 * i));
        }
        DeskClient auditor = DeskClient.auditor();

        Document first = auditor.page("/desk/customers?region=" + region + "&sort=limit&dir=desc");
        assertThat(first.select("#customers tbody tr")).hasSize(25);
        assertThat(first.selectFirst("#found").text()).isEqualTo("27 found, 1–25 shown");
        assertThat(first.selectFirst("#page-of").text()).isEqualTo("Page 1 of 2");
        assertThat(names(first).get(0)).isEqualTo("Pager 27");
        assertThat(names(first).get(24)).isEqualTo("Pager 3");
        assertThat(first.selectFirst("th a[aria-sort=descending]").text()).isEqualTo("Limit");
        String next = first.selectFirst("#next").attr("href");
        assertThat(next).contains("region=" + region).contains("sort=limit").contains("dir=desc").contains("page=2");

        Document second = auditor.page(next);
        assertThat(names(second)).containsExactly("Pager 2", "Pager 1");
        assertThat(second.selectFirst("#next")).isNull();
        assertThat(second.selectFirst("#prev").attr("href")).doesNotContain("page=");

        Document byName = auditor.page("/desk/customers?region=" + region + "&sort=name");
        assertThat(names(byName).subList(0, 3)).containsExactly("Pager 1", "Pager 10", "Pager 11");
        // sorting again by the same column turns the order round
        assertThat(byName.selectFirst("th a[aria-sort=ascending]").attr("href")).contains("sort=name").contains("dir=desc");
        // an unknown sort column falls back to the id, a page past the end shows no rows
        assertThat(ids(auditor.page("/desk/customers?region=" + region + "&sort=nonsense"))).hasSize(25);
        assertThat(auditor.page("/desk/customers?region=" + region + "&page=9").selectFirst("#none")).isNotNull();
    }

    @Test
    void shouldShowEverySectionOfACustomerWithHistory() throws Exception {
        String id = CustomerFixtures.withHistory(dataSource, "Nordwind Maschinenbau GmbH");
        Document page = DeskClient.riskOfficer().page("/desk/customers/" + id);

        assertThat(page.title()).contains(id);
        assertThat(page.selectFirst("#customer-name").text()).isEqualTo("Nordwind Maschinenbau GmbH");
        assertThat(page.select("#master dd").eachText()).contains(id, "SMB", "DACH", "Manufacturing", "CCC");
        assertThat(page.selectFirst("h1 .badge.E")).isNotNull();

        // standing: the own limit, exposure, headroom
        String standing = page.selectFirst("#standing").text();
        assertThat(standing).contains("Own credit limit").contains("Total exposure").contains("Headroom");
        assertThat(page.selectFirst("#tile-exposure .value").text()).isNotEmpty();

        // aging: 18,000 not due, 10,000 1-30, 7,500 31-60, nothing 61-90, 9,000 over 90
        List<String> aging = page.select("#aging tbody tr").eachText();
        assertThat(aging).hasSize(5);
        assertThat(aging.get(0)).startsWith("Not yet due 18,000.00");
        assertThat(aging.get(1)).startsWith("1-30 days overdue 10,000.00");
        assertThat(aging.get(2)).startsWith("31-60 days overdue 7,500.00");
        assertThat(aging.get(3)).startsWith("61-90 days overdue 0.00");
        assertThat(aging.get(4)).startsWith("Over 90 days overdue 9,000.00");

        // history: two runs, newest first, in the table and the charts
        assertThat(page.select("#history tbody tr")).hasSize(2);
        assertThat(page.select("#history tbody tr").get(0).select("td").get(2).text()).endsWith("E");
        JsonNode score = mapper.readTree(page.selectFirst("#score-chart").attr("data-chart"));
        assertThat(score.path("labels")).hasSize(2);
        assertThat(score.path("series").get(0).path("values")).hasSize(2);
        JsonNode limit = mapper.readTree(page.selectFirst("#limit-chart").attr("data-chart"));
        assertThat(limit.path("series").get(0).path("label").asText()).isEqualTo("limit");
        assertThat(page.select("#history a").eachAttr("href")).allMatch(href -> href.startsWith("/desk/runs/"));

        // signals, alerts and the customer's plan
        assertThat(page.select("#signals tbody tr").eachText()).anyMatch(s -> s.contains("SALES_OUTLIER_LOW"));
        assertThat(page.select("#alerts tbody tr").eachText()).anyMatch(s -> s.contains("SALES_OUTLIER_LOW"));
        assertThat(page.selectFirst("#alerts-link").attr("href")).isEqualTo("/desk/alerts?subject=" + id);
        assertThat(page.select("#plans tbody tr").eachText()).anyMatch(s -> s.contains("collections-escalation")
                && s.contains("CUSTOMER:" + id));

        // orders, newest first, with the latest outcome, linking to the order page
        List<Element> orders = page.select("#orders tbody tr");
        assertThat(orders).hasSize(2);
        assertThat(page.select("#orders tbody tr").eachAttr("data-order")).containsExactlyInAnyOrder(id + "-SO1", id + "-SO2");
        for (Element order : orders) {
            assertThat(order.selectFirst("a").attr("href")).isEqualTo("/desk/orders/" + order.attr("data-order"));
            assertThat(order.select("td").get(4).selectFirst(".badge")).isNotNull();
        }
        // the order after the runs is blocked: prepayment is required
        Element after = page.selectFirst("tr[data-order=" + id + "-SO2]");
        assertThat(after.select("td").get(4).text()).isEqualTo("BLOCK");
    }

    @Test
    void shouldPageTheOrdersOfACustomer() {
        String id = CustomerFixtures.customer("Many Orders KG", "A", "SMB", "DACH", "5000000");
        for (int i = 1; i <= 22; i++) {
            CustomerFixtures.order(id + "-O" + (i < 10 ? "0" : "") + i, id, "100");
        }
        DeskClient officer = DeskClient.riskOfficer();
        Document first = officer.page("/desk/customers/" + id);
        assertThat(first.select("#orders tbody tr")).hasSize(20);
        assertThat(first.selectFirst("#orders-count").text()).startsWith("22 in all");
        Document second = officer.page(first.selectFirst("#orders-next").attr("href").replace("#orders-title", ""));
        assertThat(second.select("#orders tbody tr")).hasSize(2);
        assertThat(second.selectFirst("#orders-prev")).isNotNull();
        for (Element order : second.select("#orders tbody tr")) {
            assertThat(order.select("td").get(4).selectFirst(".badge")).isNotNull();
        }
    }

    @Test
    void shouldLetSalesOfficersAndAuditorsReadCustomersAndKeepRunResultsFromSales() {
        String id = CustomerFixtures.customer("Roles " + uniqueId("X"), "C", "PUBLIC", "Nordics", "90000");
        for (DeskClient reader : List.of(DeskClient.riskOfficer(), DeskClient.auditor(), DeskClient.sales())) {
            Document list = reader.page("/desk/customers?q=" + id);
            assertThat(ids(list)).containsExactly(id);
            assertThat(list.selectFirst("nav a[aria-current=page]").attr("href")).isEqualTo("/desk/customers");
            Document detail = reader.page("/desk/customers/" + id);
            assertThat(detail.selectFirst("#master")).isNotNull();
            assertThat(detail.selectFirst("#aging")).isNotNull();
            assertThat(detail.selectFirst("#plans-title")).isNotNull();
            assertThat(detail.selectFirst("#orders-title")).isNotNull();
        }
        // re-evaluation results are for officers and auditors, as in the API
        Document sales = DeskClient.sales().page("/desk/customers/" + id);
        assertThat(sales.selectFirst("#history-title")).isNull();
        assertThat(sales.selectFirst("#signals-title")).isNull();
        assertThat(sales.selectFirst("#alerts-title")).isNull();
        assertThat(DeskClient.auditor().page("/desk/customers/" + id).selectFirst("#no-history")).isNotNull();
        // no form, no action on these pages
        assertThat(DeskClient.riskOfficer().page("/desk/customers/" + id).select("main form")).isEmpty();
    }

    @Test
    void shouldShowAScriptInANameAsText() {
        String id = CustomerFixtures.customer(CustomerFixtures.XSS_NAME, "B", "SMB", "DACH", "10000");
        DeskClient officer = DeskClient.riskOfficer();

        Response list = officer.get("/desk/customers?q=" + id);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body().asString()).doesNotContain(CustomerFixtures.XSS_NAME)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document listPage = Jsoup.parse(list.body().asString());
        assertNoScriptFromData(listPage);
        assertThat(listPage.selectFirst("tr[data-customer=" + id + "] a.name").text()).isEqualTo(CustomerFixtures.XSS_NAME);

        Response detail = officer.get("/desk/customers/" + id);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body().asString()).doesNotContain(CustomerFixtures.XSS_NAME);
        Document detailPage = Jsoup.parse(detail.body().asString());
        assertNoScriptFromData(detailPage);
        assertThat(detailPage.selectFirst("#customer-name").text()).isEqualTo(CustomerFixtures.XSS_NAME);
        assertThat(detailPage.select("#master dd").eachText()).contains(CustomerFixtures.XSS_NAME);
    }

    @Test
    void shouldAnswerAnUnknownCustomerWithAnHtmlNotFoundPage() {
        Response missing = DeskClient.riskOfficer().get("/desk/customers/NO-SUCH-" + uniqueId("C"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        Document page = Jsoup.parse(missing.body().asString());
        assertThat(page.selectFirst("div.msg.error[role=alert]").text()).contains("does not exist");
        assertThat(page.selectFirst("nav a[aria-current=page]").attr("href")).isEqualTo("/desk/customers");
    }

    @Test
    void shouldSendAnonymousReadersToTheLoginForm() {
        io.restassured.RestAssured.given().redirects().follow(false).get("/desk/customers").then().statusCode(302);
    }

    /** Every script element is the layout's own (loaded from a file), none carries page data. */
    private static void assertNoScriptFromData(Document page) {
        for (Element script : page.select("script")) {
            assertThat(script.attr("src")).as("a script element without src: " + script.outerHtml()).isNotEmpty();
            assertThat(script.data()).isEmpty();
        }
        assertThat(page.select("script").eachAttr("src"))
                .allMatch(src -> src.startsWith("/webjars/") || src.startsWith("/desk-assets/"));
    }

    private static List<String> ids(Document page) {
        return page.select("#customers tbody tr").eachAttr("data-customer");
    }

    private static List<String> names(Document page) {
        return page.select("#customers tbody tr a.name").eachText();
    }

}
