package io.salesrisk.desk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.salesrisk.testsupport.DeskClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.facts.Severity;
import io.salesrisk.testsupport.WebhookReceiver;
import io.salesrisk.webhook.service.WebhookInstance;
import io.salesrisk.webhook.service.WebhookWorkers;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhooks page over HTTP: an officer adds a subscription (its secret shown once), disables, enables and
 * deletes it, and sees its delivery log; auditors read without actions, sales are refused; descriptions are
 * escaped; forms need the CSRF token.
 */
@QuarkusTest
class DeskWebhooksPageTest {

    @Test
    void anOfficerAddsDisablesEnablesAndDeletesASubscription() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/webhooks");
        String description = uniqueId("<script>alert('x')</script>CRM");

        Response created = officer.post("/desk/webhooks", Map.of("url", "http://127.0.0.1:9/desk-hook",
                "description", description, "minSeverity", "MEDIUM", "eventTypes", "alert.opened"));

        assertThat(created.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(created.body().asString());
        assertThat(page.selectFirst("#new-secret").text()).startsWith("whsec_");
        Element row = page.select("#subscription-table tr").stream()
                .filter(r -> r.text().contains(description)).findFirst().orElseThrow();
        String id = row.attr("data-subscription");
        assertThat(row.selectFirst("td.description").text()).isEqualTo(description);
        assertThat(created.body().asString()).doesNotContain("<script>alert('x')</script>");
        assertThat(row.text()).contains("alert.opened").contains("MEDIUM").contains("ENABLED");
        assertThat(page.selectFirst("#deliveries-title").text()).contains("http://127.0.0.1:9/desk-hook");
        // the secret is not on the page again
        assertThat(officer.page("/desk/webhooks?show=" + id).select("#new-secret")).isEmpty();

        Response disabled = officer.post("/desk/webhooks/" + id + "/disable", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(303);
        Document after = officer.page(disabled.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(after.selectFirst("#page-message").text()).contains("disabled");
        assertThat(after.selectFirst("tr[data-subscription=" + id + "] [data-testid=state]").text()).isEqualTo("DISABLED");
        riskOfficer().get("/api/webhooks/" + id).then().statusCode(200).body("enabled", org.hamcrest.Matchers.equalTo(false));

        assertThat(officer.post("/desk/webhooks/" + id + "/enable", Map.of()).statusCode()).isEqualTo(303);
        riskOfficer().get("/api/webhooks/" + id).then().body("enabled", org.hamcrest.Matchers.equalTo(true));

        assertThat(officer.post("/desk/webhooks/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
        riskOfficer().get("/api/webhooks/" + id).then().statusCode(404);
    }

    @Inject
    WebhookWorkers workers;
    @Inject
    AlertService alerts;

    @Test
    void theDeliveryLogShowsEachAttemptAndReplaysADelivery() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        WebhookInstance instance = new WebhookInstance("desk-test", workers.parts(), threads);
        String[] subscription = {"none"};
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = riskOfficer().body("{\"url\": \"" + receiver.url("/desk") + "\"}").post("/api/webhooks")
                    .then().statusCode(201).extract().path("id");
            subscription[0] = id;
            instance.start();
            String type = uniqueId("DESK_LOG");
            QuarkusTransaction.requiringNew().run(() -> alerts.raise(List.of(new NewAlert(type, "CUSTOMER", "C-1", null,
                    Severity.HIGH, "for the log", Map.of(), null)), OffsetDateTime.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.distinctIdsWith(type) == 1);
            DeskClient officer = DeskClient.riskOfficer();
            String eventId = receiver.messagesWith(type).get(0).id();

            // the receiver sees the message a moment before its sender records the delivery
            Element row = await().atMost(Duration.ofSeconds(30)).until(() -> officer
                    .page("/desk/webhooks?show=" + id + "&status=DELIVERED").select("#delivery-table tbody tr").stream()
                    .filter(r -> r.text().contains(eventId)).findFirst().orElse(null), java.util.Objects::nonNull);
            assertThat(row.selectFirst("[data-testid=delivery-status]").text()).isEqualTo("DELIVERED");
            assertThat(row.text()).contains("alert.opened").contains("HTTP 204").contains("desk-test");
            String replay = row.selectFirst("form:has(button[data-action=replay])").attr("action");

            Response replayed = officer.post(replay, Map.of());

            assertThat(replayed.statusCode()).isEqualTo(303);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.messagesWith(type).size() == 2);
            assertThat(receiver.messagesWith(type)).extracting(WebhookReceiver.Message::id).containsOnly(eventId);
            assertThat(DeskClient.auditor().page("/desk/webhooks?show=" + id).select("button[data-action=replay]")).isEmpty();
        } finally {
            // never leave an enabled subscription behind for other tests' alerts
            riskOfficer().delete("/api/webhooks/" + subscription[0]);
            instance.stop(Duration.ofSeconds(10));
            threads.shutdownNow();
        }
    }

    @Test
    void aRefusedUrlIsShownWithItsFieldAndNothingIsCreated() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/webhooks");
        String description = uniqueId("refused");

        Response refused = officer.post("/desk/webhooks", Map.of("url", "https://evil.example.com/", "description", description));

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.selectFirst("#page-message").text()).contains("url:").contains("http://127.0.0.1:");
        assertThat(page.text()).doesNotContain(description);
        // shown at the form, said once, with what the officer typed kept
        assertThat(page.select("#create #page-message")).hasSize(1);
        assertThat(page.selectFirst("#page-message").text()).containsOnlyOnce("allowed prefixes");
        assertThat(page.selectFirst("#url").val()).isEqualTo("https://evil.example.com/");
        assertThat(page.selectFirst("#url").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#description").val()).isEqualTo(description);
    }

    @Test
    void auditorsReadWithoutActionsAndSalesAreRefused() {
        String id = riskOfficer().body("{\"url\": \"http://127.0.0.1:9/audited\", \"description\": \"audited\"}")
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
        Document page = DeskClient.auditor().page("/desk/webhooks?show=" + id);
        assertThat(page.select("tr[data-subscription=" + id + "]")).hasSize(1);
        assertThat(page.select("#create-form")).isEmpty();
        assertThat(page.select("button[data-action]")).isEmpty();
        assertThat(page.selectFirst("#no-deliveries")).isNotNull();
        assertThat(page.select("nav a[href=/desk/webhooks]")).hasSize(1);
        assertThat(DeskClient.auditor().post("/desk/webhooks/" + id + "/disable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(DeskClient.sales().get("/desk/webhooks").statusCode()).isEqualTo(403);
        riskOfficer().delete("/api/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/webhooks");
        String description = uniqueId("no-token");

        Response refused = officer.postWithoutToken("/desk/webhooks", Map.of("url", "http://127.0.0.1:9/", "description", description));

        assertThat(refused.statusCode()).isIn(400, 403);
        riskOfficer().get("/api/webhooks").then().body("description", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(description)));
    }
}
