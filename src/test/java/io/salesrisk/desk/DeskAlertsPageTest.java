package io.salesrisk.desk;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.salesrisk.alert.persistence.AlertRepository;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.catalog.PlanAction;
import io.salesrisk.contingency.catalog.RiskLevel;
import io.salesrisk.contingency.persistence.PlanActivation;
import io.salesrisk.contingency.persistence.PlanRepository;
import io.salesrisk.contingency.service.ActivePlans;
import io.salesrisk.facts.Severity;
import io.salesrisk.testsupport.DeskClient;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

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
 * The alerts and plans page over HTTP: filters and paging, acknowledge and close, ending a plan with a reason, what
 * each role sees and may do, escaping, CSRF. Alerts and plans are raised through their repositories, as runs do.
 */
@QuarkusTest
class DeskAlertsPageTest {

    static final ContingencyCatalog.RegisteredRisk RISK = new ContingencyCatalog.RegisteredRisk(
            "TEST_CUSTOMER_DISTRESS", "a customer in payment distress", 4, 4, RiskLevel.HIGH, "risk-office",
            "TEST_PREPAYMENT", "contingency-triggers.xlsx, sheet RiskRegister, row 99");
    static final ContingencyCatalog.Plan PREPAYMENT = new ContingencyCatalog.Plan("TEST_PREPAYMENT",
            "orders only against prepayment", List.of(new PlanAction(PlanAction.Type.REQUIRE_PREPAYMENT, List.of(), null,
            List.of())), "contingency-triggers.xlsx, sheet ContingencyPlans, row 99");

    @Inject
    AlertRepository alerts;

    @Inject
    PlanRepository plans;

    @Inject
    ActivePlans activePlans;

    @Test
    void alertsAreFilteredByStatusTypeAndSubjectAndPagedOnTheServer() {
        // given: 27 alerts about one customer, one of another type, one acknowledged
        String subject = uniqueId("C");
        String type = uniqueId("SALES_DROP");
        List<NewAlert> raised = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            raised.add(alert(type + "-" + i, subject, "finding " + i));
        }
        String other = raise(alert(uniqueId("LATE_PAYER"), subject, "pays late"));
        QuarkusTransaction.requiringNew().run(() -> alerts.raiseAll(raised, OffsetDateTime.now().minusMinutes(5)));
        riskOfficer().post("/api/alerts/" + other + "/acknowledge").then().statusCode(200);
        DeskClient officer = DeskClient.riskOfficer();

        // when / then: by subject, 25 a page
        Document first = officer.page("/desk/alerts?subject=" + subject);
        assertThat(first.select("#alert-table tbody tr")).hasSize(25);
        assertThat(first.selectFirst("#alert-table tbody tr").attr("data-alert")).isEqualTo(other);
        assertThat(first.selectFirst("#subject").val()).isEqualTo(subject);
        String next = first.selectFirst("#alerts-next").attr("href");
        assertThat(next).isEqualTo("/desk/alerts?subject=" + subject + "&page=2");
        Document second = officer.page(next);
        assertThat(second.select("#alert-table tbody tr")).hasSize(2);
        assertThat(second.select("#alerts-next")).isEmpty();
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/desk/alerts?subject=" + subject);

        // by status and by type
        Document acknowledged = officer.page("/desk/alerts?status=ACKNOWLEDGED&subject=" + subject);
        assertThat(acknowledged.select("#alert-table tbody tr").eachAttr("data-alert")).containsExactly(other);
        assertThat(acknowledged.select("#status option[selected]").val()).isEqualTo("ACKNOWLEDGED");
        Document byType = officer.page("/desk/alerts?type=" + type + "-3");
        assertThat(byType.select("#alert-table tbody tr")).hasSize(1);
        assertThat(byType.selectFirst("#alert-table").text()).contains("finding 3").contains(subject);
        assertThat(officer.page("/desk/alerts?subject=" + uniqueId("nobody")).select("#no-alerts")).hasSize(1);

        // a status that does not exist is said in the page
        Response wrong = officer.get("/desk/alerts?status=RESOLVED");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(wrong.asString()).selectFirst(".msg.error[role=alert]").text())
                .contains("status must be OPEN, ACKNOWLEDGED or CLOSED");
    }

    @Test
    void officersAcknowledgeAndCloseAlertsAndComeBackToTheSameFilters() {
        // given
        String subject = uniqueId("C");
        String id = raise(alert(uniqueId("SALES_DROP"), subject, "sales fell"));
        DeskClient officer = DeskClient.riskOfficer();
        Document page = officer.page("/desk/alerts?subject=" + subject);
        Element row = page.selectFirst("tr[data-alert=" + id + "]");
        String acknowledge = row.selectFirst("form[action*=/acknowledge]").attr("action");
        assertThat(acknowledge).isEqualTo("/desk/alerts/" + id + "/acknowledge?subject=" + subject);

        // when
        Response done = officer.post(acknowledge, Map.of());

        // then
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/desk/alerts?subject=" + subject + "&done=acknowledged");
        riskOfficer().get("/api/alerts/" + id).then().body("status", equalTo("ACKNOWLEDGED"));
        Document after = officer.page("/desk/alerts?subject=" + subject + "&done=acknowledged");
        assertThat(after.selectFirst("#page-message").text()).isEqualTo("The alert is acknowledged.");
        Element acknowledgedRow = after.selectFirst("tr[data-alert=" + id + "]");
        assertThat(acknowledgedRow.selectFirst("[data-testid=alert-status]").text()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledgedRow.select("button[data-action=acknowledge]")).isEmpty();

        // acknowledging again is the service's conflict, shown in the page
        Response again = officer.post(acknowledge, Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(again.asString()).selectFirst(".msg.error[role=alert]").text())
                .contains("only an OPEN alert can be acknowledged");

        // close
        Response closed = officer.post(acknowledgedRow.selectFirst("form[action*=/close]").attr("action"), Map.of());
        assertThat(closed.statusCode()).isEqualTo(303);
        riskOfficer().get("/api/alerts/" + id).then().body("status", equalTo("CLOSED")).body("closedBy", equalTo("risk"));
        Element closedRow = officer.page("/desk/alerts?subject=" + subject).selectFirst("tr[data-alert=" + id + "]");
        assertThat(closedRow.text()).contains("CLOSED").contains("risk");
        assertThat(closedRow.select("form")).isEmpty();
        assertThat(officer.post("/desk/alerts/" + UUID.randomUUID() + "/close", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void officersEndAPlanWithAReasonAndFindItAmongTheEndedOnes() {
        // given
        String customer = uniqueId("C");
        String id = activate("CUSTOMER:" + customer);
        DeskClient officer = DeskClient.riskOfficer();
        Element row = officer.page("/desk/alerts").selectFirst("#plans tr[data-plan=" + id + "]");
        assertThat(row).as("the new plan is among the active ones").isNotNull();
        assertThat(row.selectFirst("a[href=/desk/customers/" + customer + "]")).isNotNull();

        // when
        Response ended = officer.post(row.selectFirst("form[action$=/end]").attr("action"),
                Map.of("reason", "customer paid up"));

        // then
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.header("Location")).endsWith("/desk/alerts?done=ended#plans");
        riskOfficer().get("/api/contingency-plans/" + id).then().body("status", equalTo("ENDED"))
                .body("endReason", equalTo("customer paid up")).body("endedBy", equalTo("risk"));
        assertThat(officer.page("/desk/alerts").select("#plans tr[data-plan=" + id + "]")).isEmpty();
        Document endedPlans = officer.page("/desk/alerts?plans=ENDED");
        assertThat(endedPlans.selectFirst("#plans tr[data-plan=" + id + "]").text()).contains("customer paid up")
                .contains("ENDED");
        assertThat(endedPlans.select("#plan-status option[selected]").val()).isEqualTo("ENDED");

        Response again = officer.post("/desk/alerts/plans/" + id + "/end", Map.of("reason", "twice"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(again.asString()).selectFirst(".msg.error[role=alert]").text())
                .contains("only an active plan can be ended");
    }

    @Test
    void auditorsReadWithoutFormsSalesSeeOnlyThePlansAndNeitherMayAct() {
        // given
        String alert = raise(alert(uniqueId("SALES_DROP"), uniqueId("C"), "sales fell"));
        String plan = activate("CUSTOMER:" + uniqueId("C"));

        // auditor: alerts and plans, no action
        Document auditor = DeskClient.auditor().page("/desk/alerts");
        assertThat(auditor.select("#alert-table tr[data-alert=" + alert + "]")).hasSize(1);
        assertThat(auditor.select("#plans tr[data-plan=" + plan + "]")).hasSize(1);
        assertThat(auditor.select("form[method=post]")).allMatch(f -> f.attr("action").equals("/desk/logout"));
        assertThat(auditor.select("details.action")).isEmpty();

        // sales: the plans (as the API lets them read), not the alerts
        DeskClient sales = DeskClient.sales();
        Document salesPage = sales.page("/desk/alerts");
        assertThat(salesPage.select("#alert-table")).isEmpty();
        assertThat(salesPage.select("#alerts")).isEmpty();
        assertThat(salesPage.select("#plans tr[data-plan=" + plan + "]")).hasSize(1);
        assertThat(salesPage.select("form[method=post]")).allMatch(f -> f.attr("action").equals("/desk/logout"));
        assertThat(sales.page("/desk/alerts?subject=x&status=OPEN").select("#alert-table")).isEmpty();

        // no action for either, nor without the token
        assertThat(sales.post("/desk/alerts/" + alert + "/acknowledge", Map.of()).statusCode()).isEqualTo(403);
        assertThat(sales.post("/desk/alerts/plans/" + plan + "/end", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        DeskClient auditorClient = DeskClient.auditor();
        assertThat(auditorClient.post("/desk/alerts/" + alert + "/close", Map.of()).statusCode()).isEqualTo(403);
        assertThat(auditorClient.post("/desk/alerts/plans/" + plan + "/end", Map.of()).statusCode()).isEqualTo(403);
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/alerts");
        assertThat(officer.postWithoutToken("/desk/alerts/" + alert + "/acknowledge", Map.of()).statusCode()).isEqualTo(400);
        assertThat(officer.postWithoutToken("/desk/alerts/plans/" + plan + "/end", Map.of()).statusCode()).isEqualTo(400);
        riskOfficer().get("/api/alerts/" + alert).then().body("status", equalTo("OPEN"));
        riskOfficer().get("/api/contingency-plans/" + plan).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void alertTextIsEscaped() {
        String subject = uniqueId("C");
        raise(alert(uniqueId("XSS"), subject, "<script>alert(1)</script>"));

        Response response = DeskClient.riskOfficer().get("/desk/alerts?subject=" + subject);
        Document page = Jsoup.parse(response.asString());

        assertThat(response.asString()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        assertThat(page.selectFirst("#alert-table tbody").text()).contains("<script>alert(1)</script>");
        assertThat(page.select("#alert-table script")).isEmpty();
    }

    static NewAlert alert(String type, String customerId, String message) {
        return new NewAlert(type, "CUSTOMER", customerId, null, Severity.HIGH, message, Map.of("test", true), null);
    }

    /** Raises one alert in its own transaction, as a chunk would, and returns its id. */
    String raise(NewAlert alert) {
        QuarkusTransaction.requiringNew().run(() -> alerts.raiseAll(List.of(alert), OffsetDateTime.now()));
        return QuarkusTransaction.requiringNew().call(() -> alerts.find("openKey", alert.openKey()).singleResult().id)
                .toString();
    }

    /** Activates the prepayment plan for a scope in its own transaction, as a run's trigger does; returns its id. */
    String activate(String scope) {
        PlanActivation activation = new PlanActivation(RISK, PREPAYMENT, scope, "TestCustomerDistress",
                "overdue 45,000.00 for 95 days", Map.of("profile.oldestOverdueDays", 95), UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> plans.activateAll(List.of(activation), OffsetDateTime.now()));
        activePlans.refresh();
        return QuarkusTransaction.requiringNew().call(() -> plans.find("activeKey", activation.activeKey())
                .singleResult().id).toString();
    }
}
