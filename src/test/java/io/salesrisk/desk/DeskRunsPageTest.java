package io.salesrisk.desk;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.salesrisk.reevaluation.persistence.ChunkEntity;
import io.salesrisk.reevaluation.persistence.RunRepository;
import io.salesrisk.reevaluation.run.ChunkBounds;
import io.salesrisk.reevaluation.run.ChunkStatus;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunExecutor;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.RunStatus;
import io.salesrisk.reevaluation.run.RunTrigger;
import io.salesrisk.testsupport.DeskClient;
import io.salesrisk.testsupport.ProfileData;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The re-evaluation pages over HTTP: the list and its start form by role, starting a run and reading its summary,
 * failures and limit proposals, approving one, the refusals of the start form, cancelling, CSRF.
 */
@QuarkusTest
class DeskRunsPageTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunRepository runs;

    @Test
    void officersSeeTheStartFormAuditorsOnlyTheListAndSalesAreRefused() {
        Document officer = DeskClient.riskOfficer().page("/desk/runs");
        assertThat(officer.select("form#start-run")).hasSize(1);
        assertThat(officer.select("form#start-run input[name=csrf-token]")).hasSize(1);
        assertThat(officer.select("nav a[aria-current=page]").text()).isEqualTo("Re-evaluation");

        Document auditor = DeskClient.auditor().page("/desk/runs?limit=50");
        assertThat(auditor.select("form[method=post]")).allMatch(f -> f.attr("action").equals("/desk/logout"));
        assertThat(auditor.select("#limit option[selected]").attr("value")).isEqualTo("50");

        DeskClient sales = DeskClient.sales();
        assertThat(sales.get("/desk/runs").statusCode()).isEqualTo(403);
        assertThat(sales.post("/desk/runs", Map.of("scope", "ALL")).statusCode()).isEqualTo(403);
        assertThat(DeskClient.auditor().post("/desk/runs", Map.of("scope", "ALL")).statusCode()).isEqualTo(403);
    }

    @Test
    void aRunStartedFromTheFormShowsItsSummaryFailuresAndProposalsToApprove() {
        // given: a strong customer (its increase waits for approval), a weak one, one without history
        String p = uniqueId("DR");
        ProfileData strong = ProfileData.customer(p + "-strong").flatSales(AS_OF, 24, "50000").insert(dataSource);
        ProfileData weak = ProfileData.customer(p + "-weak").years(1).rating("CCC").flatSales(AS_OF, 24, "20000")
                .invoice(AS_OF.minusDays(130), AS_OF.minusDays(100), "50000", "0", null).insert(dataSource);
        ProfileData none = ProfileData.customer(p + "-broken").flatSales(AS_OF, 24, "1000").sale(AS_OF, 3, "-50")
                .insert(dataSource);
        DeskClient officer = DeskClient.riskOfficer();

        // when
        Response started = officer.post("/desk/runs", Map.of("scope", "CUSTOMERS",
                "customerIds", strong.id() + ", " + weak.id() + "\n" + none.id(), "asOf", AS_OF.toString()));

        // then
        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.header("Location");
        assertThat(location).contains("/desk/runs/").endsWith("?done=started");
        String path = java.net.URI.create(location).getPath();
        Document live = awaitCompleted(officer, path);
        assertThat(live.selectFirst("#run-live").hasAttr("hx-trigger")).as("polling stops once finished").isFalse();
        assertThat(live.selectFirst("#run-percent").text()).isEqualTo("100 %");
        assertThat(live.selectFirst("#run-counts").text()).isEqualTo("3 of 3 customers");

        Document page = officer.page(path + "?done=started");
        assertThat(page.selectFirst("#page-message").text()).contains("The run has started");
        assertThat(page.selectFirst("#run-scope").text()).isEqualTo("3 listed customers");
        assertThat(page.selectFirst("#sum-assessed").text()).isEqualTo("2");
        assertThat(page.selectFirst("#sum-failed").text()).isEqualTo("1");
        // the matrix: B->A and B->E, rows A..E, columns A..E
        Element rowB = page.select("#class-matrix tbody tr").get(1);
        assertThat(rowB.select("td").eachText()).containsExactly("1", "0", "0", "0", "1", "2");
        assertThat(page.selectFirst("#limit-changes").text()).contains("Increases proposed 1 waiting for approval");
        assertThat(page.select("#failure-table td").eachText()).contains(none.id());
        assertThat(page.selectFirst("#failure-table").text()).contains("negative amounts");
        Element proposal = page.selectFirst("#proposal-table tr:has(a[href=/desk/customers/" + strong.id() + "])");
        assertThat(proposal).isNotNull();
        assertThat(proposal.text()).contains("100,000.00").contains("210,000.00").contains("PENDING");
        assertThat(page.select("#cancel-run")).as("no cancel once finished").isEmpty();

        // an auditor reads the same page without any form
        Document auditor = DeskClient.auditor().page(path);
        assertThat(auditor.select("#proposal-table tr")).hasSize(2);
        assertThat(auditor.select("#run-live form[method=post]")).isEmpty();

        // approve from the page
        String action = proposal.selectFirst("form[action$=/approve]").attr("action");
        Response approved = officer.post(action, Map.of());
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(approved.header("Location")).endsWith("?done=approved#proposals");
        riskOfficer().get("/api/customers/" + strong.id()).then().body("creditLimit", equalTo(210000.00f));
        Document after = officer.page(path + "?proposals=ALL");
        assertThat(after.selectFirst("#proposal-table").text()).contains("APPROVED").contains("risk");
        assertThat(officer.page(path).select("#no-proposals")).hasSize(1);

        // the service's refusal as a message, not JSON
        Response again = officer.post(action, Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("text/html");
        Document refused = Jsoup.parse(again.asString());
        assertThat(refused.selectFirst(".msg.error[role=alert]").text()).contains("is APPROVED, not PENDING");
        assertThat(DeskClient.auditor().post(action.replace("/approve", "/reject"), Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void theStartFormShowsTheRefusalsOfTheService() {
        DeskClient officer = DeskClient.riskOfficer();

        Response noSegment = officer.post("/desk/runs", Map.of("scope", "SEGMENT", "segment", " "));
        assertThat(noSegment.statusCode()).isEqualTo(422);
        assertThat(error(noSegment).text()).contains("segment: name the segment");

        String unknown = uniqueId("NOPE");
        Response unknownIds = officer.post("/desk/runs", Map.of("scope", "CUSTOMERS", "customerIds", unknown));
        assertThat(unknownIds.statusCode()).isEqualTo(422);
        assertThat(error(unknownIds).select("li").eachText()).containsExactly("customerIds: unknown customer " + unknown);
        assertThat(Jsoup.parse(unknownIds.asString()).selectFirst("#customerIds").text()).isEqualTo(unknown);
        assertThat(Jsoup.parse(unknownIds.asString()).selectFirst("#scope-customers").hasAttr("checked")).isTrue();

        Response future = officer.post("/desk/runs", Map.of("scope", "ALL", "asOf", "2099-01-01"));
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(error(future).text()).contains("is in the future");

        Response notADate = officer.post("/desk/runs", Map.of("scope", "ALL", "asOf", "30.06.2026"));
        assertThat(notADate.statusCode()).isEqualTo(422);
        assertThat(error(notADate).text()).contains("not a date");

        Response emptyRegion = officer.post("/desk/runs", Map.of("scope", "REGION", "region", uniqueId("Nowhere")));
        assertThat(emptyRegion.statusCode()).isEqualTo(422);
        assertThat(error(emptyRegion).text()).contains("no customers in region");
    }

    @Test
    void aSecondRunOfTheSameScopeIsRefusedWithALinkToTheRunningOneWhichCanBeCancelled() {
        // given: a run over a region whose only chunk another instance holds
        String region = uniqueId("DeskRegion");
        ProfileData.customer(uniqueId("C")).region(region).flatSales(AS_OF, 24, "1000").insert(dataSource);
        UUID held = holdRun(runs, RunScope.of(null, region, null));
        DeskClient officer = DeskClient.riskOfficer();

        // when
        Response duplicate = officer.post("/desk/runs", Map.of("scope", "REGION", "region", region));

        // then
        assertThat(duplicate.statusCode()).isEqualTo(409);
        Element message = error(duplicate);
        assertThat(message.text()).contains("one run per scope at a time");
        assertThat(message.selectFirst("#existing-run").attr("href")).isEqualTo("/desk/runs/" + held);

        // the running run: polling, a cancel button for officers only
        Document running = officer.page("/desk/runs/" + held);
        assertThat(running.selectFirst("#run-live").attr("hx-trigger")).isEqualTo("every 1s");
        assertThat(running.selectFirst("#run-live").attr("hx-get")).isEqualTo("/desk/runs/" + held + "/live");
        assertThat(running.selectFirst("#run-percent").text()).isEqualTo("0 %");
        assertThat(running.select("#cancel-run")).hasSize(1);
        assertThat(DeskClient.auditor().page("/desk/runs/" + held).select("#cancel-run")).isEmpty();
        assertThat(officer.page("/desk/runs").select("tr[data-run=" + held + "] .badge").text()).isEqualTo("RUNNING");

        // cancel: without the token refused, with it done; a second time is a conflict shown in the page
        assertThat(officer.postWithoutToken("/desk/runs/" + held + "/cancel", Map.of()).statusCode()).isEqualTo(400);
        assertThat(DeskClient.auditor().post("/desk/runs/" + held + "/cancel", Map.of()).statusCode()).isEqualTo(403);
        Response cancelled = officer.post("/desk/runs/" + held + "/cancel", Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(303);
        Document after = officer.page("/desk/runs/" + held + "?done=cancelled");
        assertThat(after.selectFirst("#run-status").text()).isEqualTo("CANCELLED");
        assertThat(after.selectFirst("#run-live").hasAttr("hx-trigger")).isFalse();
        Response again = officer.post("/desk/runs/" + held + "/cancel", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(error(again).text()).contains("only a running run can be cancelled");
    }

    @Test
    void aRunHandedToSparkSaysHowManyChunksTheJobHasAssessed() {
        String region = uniqueId("DeskSpark");
        ProfileData.customer(uniqueId("C")).region(region).flatSales(AS_OF, 24, "1000").insert(dataSource);
        UUID id = UUID.randomUUID();
        RunRecord run = new RunRecord(id, RunScope.of(null, region, null), RunStatus.RUNNING, RunTrigger.API, "risk2", AS_OF,
                "000000000000", new RunConstants(AS_OF, BigDecimal.ONE, Map.of(), BigDecimal.TEN, BigDecimal.ONE, 90, 12),
                1, 1, OffsetDateTime.now(), null, null, RunExecutor.SPARK);
        QuarkusTransaction.requiringNew().run(() -> runs.create(run, List.of(new ChunkBounds("A", "Z", 1)), null));

        Document page = DeskClient.riskOfficer().page("/desk/runs/" + id);
        assertThat(page.selectFirst("#run-spark").text()).contains("Handed to Spark: 0 of 1 chunks assessed by Spark");
        assertThat(DeskClient.riskOfficer().page("/desk/runs").select("tr[data-run=" + id + "]").text()).contains("on Spark");
        assertThat(DeskClient.riskOfficer().post("/desk/runs/" + id + "/cancel", Map.of()).statusCode()).isEqualTo(303);
    }

    @Test
    void formsWithoutTheTokenAndUnknownRunsAreRefused() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/runs");
        assertThat(officer.postWithoutToken("/desk/runs", Map.of("scope", "ALL")).statusCode()).isEqualTo(400);

        UUID unknown = UUID.randomUUID();
        Response missing = officer.get("/desk/runs/" + unknown);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(error(missing).text()).contains("re-evaluation run " + unknown + " does not exist");
        assertThat(officer.get("/desk/runs/not-a-uuid").statusCode()).isEqualTo(404);
        assertThat(officer.post("/desk/runs/" + unknown + "/cancel", Map.of()).statusCode()).isEqualTo(404);
    }

    static Document awaitCompleted(DeskClient client, String path) {
        return await("run page " + path + " completed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Jsoup.parse(client.get(path + "/live").then().statusCode(200).extract().asString()),
                        doc -> "COMPLETED".equals(doc.selectFirst("#run-progress").attr("data-status")));
    }

    private static Element error(Response response) {
        Element message = Jsoup.parse(response.asString()).selectFirst(".msg.error[role=alert]");
        assertThat(message).as("error message in " + response.asString()).isNotNull();
        return message;
    }

    /** A running run whose only chunk another instance holds for the next five minutes: it stays RUNNING. */
    static UUID holdRun(RunRepository runs, RunScope scope) {
        UUID id = UUID.randomUUID();
        RunRecord run = new RunRecord(id, scope, RunStatus.RUNNING, RunTrigger.API, "risk2", AS_OF, "000000000000",
                new RunConstants(AS_OF, BigDecimal.ONE, Map.of(), BigDecimal.TEN, BigDecimal.ONE, 90, 12), 1, 1,
                OffsetDateTime.now(), null, null);
        QuarkusTransaction.requiringNew().run(() -> {
            runs.create(run, List.of(new ChunkBounds("A", "Z", 1)), null);
            ChunkEntity.update("status = ?1, claimedBy = ?2, claimedAt = ?3, attempts = 1 where runId = ?4",
                    ChunkStatus.CLAIMED, "another-instance", OffsetDateTime.now(), id);
        });
        return id;
    }
}
