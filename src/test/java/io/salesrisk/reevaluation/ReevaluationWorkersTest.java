package io.salesrisk.reevaluation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.salesrisk.reevaluation.run.ChunkBounds;
import io.salesrisk.reevaluation.run.ChunkClaim;
import io.salesrisk.reevaluation.run.ChunkProcessor;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.persistence.ChunkRepository;
import io.salesrisk.reevaluation.persistence.RunRepository;
import io.salesrisk.reevaluation.run.RunStatus;
import io.salesrisk.reevaluation.run.RunTrigger;
import io.salesrisk.reevaluation.service.RunReports;
import io.salesrisk.reevaluation.run.RunWorkers;
import io.salesrisk.reevaluation.service.NightlyReevaluation;
import io.salesrisk.reevaluation.service.ReevaluationService;
import io.salesrisk.testsupport.ProfileData;
import io.salesrisk.testsupport.SqlCounts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Runs driven step by step, with the service's own workers off, so each test plays the instances it needs: a worker
 * that dies holding a chunk, two instances sharing a run, a chunk that keeps failing, the nightly schedule; and
 * contingency plans that a segment's figures activate and end, as order evaluation sees them.
 */
@QuarkusTest
@TestProfile(ReevaluationWorkersTest.SteppedWorkers.class)
class ReevaluationWorkersTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /** No background workers, two customers per chunk, a short lease, a nightly cron. */
    public static class SteppedWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("salesrisk.reevaluation.workers", "0",
                    "salesrisk.reevaluation.chunk-size", "2",
                    "salesrisk.reevaluation.chunk-lease", "2s",
                    "salesrisk.reevaluation.max-attempts", "2",
                    "salesrisk.reevaluation.schedule", "0 0 2 * * ?");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RunRepository runs;

    @Inject
    ChunkRepository chunks;

    @Inject
    RunReports reports;

    @Inject
    RunWorkers workers;

    @Inject
    ChunkProcessor processor;

    @Inject
    ReevaluationService service;

    @Inject
    NightlyReevaluation nightly;

    @Inject
    Scheduler scheduler;

    @Test
    void shouldResumeAfterAWorkerDiedHoldingAChunkWithoutCountingAnyoneTwice() throws Exception {
        // given: a run of 4 chunks; one worker claims the first and dies before committing
        String region = uniqueId("Crash");
        customers(region, 7);
        RunRecord run = service.start(RunScope.of(null, region, null), AS_OF, RunTrigger.API, "risk", null);
        ChunkClaim abandoned = chunks.claim("node-crashed", Duration.ofSeconds(2), 2, OffsetDateTime.now()).orElseThrow();

        // when: another instance works until nothing is left; the abandoned chunk waits for its lease
        drain("node-survivor");
        assertThat(runs.record(run.id()).orElseThrow().status().name()).isEqualTo("RUNNING");
        assertThat(reports.progress(run).done()).isEqualTo(5);
        // three seconds later by the claimer's clock, the 2-second lease has run out
        ChunkClaim takeover = chunks.claim("node-survivor", Duration.ofSeconds(2), 2, OffsetDateTime.now().plusSeconds(3))
                .orElseThrow();
        assertThat(takeover.chunkNo()).isEqualTo(abandoned.chunkNo());
        assertThat(processor.process(takeover)).isEqualTo(ChunkProcessor.Outcome.COMMITTED);
        drain("node-survivor");

        // then: the survivor took the chunk over; the dead worker's late commit is refused
        assertThat(processor.process(abandoned)).isEqualTo(ChunkProcessor.Outcome.RUN_GONE);
        RunRecord finished = runs.record(run.id()).orElseThrow();
        assertThat(finished.status().name()).isEqualTo("COMPLETED");
        assertThat(reports.progress(finished).done()).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM customer_assessments WHERE run_id = ?", run.id())).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM reevaluation_chunks WHERE run_id = ? AND claimed_by = 'node-survivor' "
                + "AND attempts = 2 AND status = 'DONE'", run.id())).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheCommitOfAClaimThatWasTakenOver() throws Exception {
        // given: a worker's claim runs out and another instance claims the chunk again
        String region = uniqueId("Lease");
        customers(region, 2);
        RunRecord run = service.start(RunScope.of(null, region, null), AS_OF, RunTrigger.API, "risk", null);
        ChunkClaim slow = chunks.claim("node-slow", Duration.ofSeconds(2), 2, OffsetDateTime.now()).orElseThrow();
        ChunkClaim takeover = chunks.claim("node-fast", Duration.ofSeconds(2), 2, OffsetDateTime.now().plusSeconds(3)).orElseThrow();
        assertThat(takeover.chunkNo()).isEqualTo(slow.chunkNo());

        // when: the slow worker finishes first, then the one holding the claim
        ChunkProcessor.Outcome late = processor.process(slow);
        ChunkProcessor.Outcome current = processor.process(takeover);

        // then: only the current claim's results count
        assertThat(late).isEqualTo(ChunkProcessor.Outcome.LOST_CLAIM);
        assertThat(current).isEqualTo(ChunkProcessor.Outcome.COMMITTED);
        assertThat(count("SELECT COUNT(*) FROM customer_assessments WHERE run_id = ?", run.id())).isEqualTo(2);
        drain("node-fast");
        assertThat(runs.record(run.id()).orElseThrow().status().name()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldHandBackTheClaimsOfARestartedInstance() {
        String region = uniqueId("Restart");
        customers(region, 2);
        RunRecord run = service.start(RunScope.of(null, region, null), AS_OF, RunTrigger.API, "risk", null);
        chunks.claim("pod-1", Duration.ofMinutes(5), 2, OffsetDateTime.now()).orElseThrow();

        // a restarted instance with a stable name gives its old claims back at once instead of waiting for the lease
        assertThat(chunks.releaseClaimsOf("pod-1")).isEqualTo(1);
        drain("pod-1");

        assertThat(runs.record(run.id()).orElseThrow().status().name()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldShareOneRunBetweenTwoInstancesWithoutOverlap() throws Exception {
        // given: 40 customers in 20 chunks
        String region = uniqueId("Shared");
        customers(region, 40);
        RunRecord run = service.start(RunScope.of(null, region, null), AS_OF, RunTrigger.API, "risk", null);

        // when: two instances work at the same time
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = pool.invokeAll(List.of(worker("node-a"), worker("node-b")));
            assertThat(done.get(0).get() + done.get(1).get()).isEqualTo(20);
            assertThat(done.get(0).get()).isPositive();
            assertThat(done.get(1).get()).isPositive();
        } finally {
            pool.shutdownNow();
        }

        // then: every chunk committed once by one of them, every customer assessed once
        RunRecord finished = runs.record(run.id()).orElseThrow();
        assertThat(finished.status().name()).isEqualTo("COMPLETED");
        assertThat(count("SELECT COUNT(*) FROM reevaluation_chunks WHERE run_id = ? AND status = 'DONE' AND attempts = 1 "
                + "AND claimed_by IN ('node-a', 'node-b')", run.id())).isEqualTo(20);
        assertThat(count("SELECT COUNT(DISTINCT customer_id) FROM customer_assessments WHERE run_id = ?", run.id())).isEqualTo(40);
        assertThat(count("SELECT SUM(done_count) FROM reevaluation_chunks WHERE run_id = ?", run.id())).isEqualTo(40);
        riskOfficer().get("/api/reevaluations/" + run.id()).then().statusCode(200)
                .body("summary.assessed", equalTo(40)).body("progress.done", equalTo(40));
    }

    @Test
    void shouldGiveUpAChunkThatKeepsFailingAndKeepNothingOfIt() throws Exception {
        // given: the database refuses to update one customer (a fault in the middle of a chunk's write)
        String region = uniqueId("Fault");
        List<String> ids = customers(region, 4);
        execute("CREATE OR REPLACE FUNCTION refuse_update() RETURNS trigger AS $$ BEGIN "
                + "RAISE EXCEPTION 'disk full (simulated)'; END; $$ LANGUAGE plpgsql");
        execute("CREATE TRIGGER refuse_update BEFORE UPDATE ON customers FOR EACH ROW WHEN (OLD.id = '" + ids.get(1)
                + "') EXECUTE FUNCTION refuse_update()");
        try {
            RunRecord run = service.start(RunScope.of(null, region, null), AS_OF, RunTrigger.API, "risk", null);

            // when
            drain("node-a");

            // then: the first chunk was tried twice and given up whole; the run went on and reports it
            RunRecord finished = runs.record(run.id()).orElseThrow();
            assertThat(finished.status().name()).isEqualTo("COMPLETED");
            assertThat(count("SELECT COUNT(*) FROM customer_assessments WHERE run_id = ? AND customer_id IN ('"
                    + ids.get(0) + "', '" + ids.get(1) + "')", run.id())).isZero();
            assertThat(count("SELECT COUNT(*) FROM customer_assessments WHERE run_id = ?", run.id())).isEqualTo(2);
            riskOfficer().get("/api/reevaluations/" + run.id()).then().statusCode(200)
                    .body("progress.failed", equalTo(2)).body("progress.chunksFailed", equalTo(1))
                    .body("summary.failedChunks[0].firstId", equalTo(ids.get(0)))
                    .body("summary.failedChunks[0].error", org.hamcrest.Matchers.containsString("disk full (simulated)"));
        } finally {
            execute("DROP TRIGGER refuse_update ON customers");
        }
    }

    @Test
    void shouldScheduleTheNightlyRunFromConfigAndStartItOnce() {
        // the cron from salesrisk.reevaluation.schedule: every day at 02:00
        Trigger job = scheduler.getScheduledJob("nightly-reevaluation");
        assertThat(job).isNotNull();
        assertThat(job.getNextFireTime().atZone(ZoneId.systemDefault()).getHour()).isEqualTo(2);
        assertThat(job.getNextFireTime().atZone(ZoneId.systemDefault()).getMinute()).isZero();

        // every instance fires the schedule; the day's key lets one of them start the run
        LocalDate day = LocalDate.of(2001, 1, 15);
        RunRecord first = nightly.startFor(day);
        RunRecord second = nightly.startFor(day);
        assertThat(first).isNotNull();
        assertThat(first.trigger().name()).isEqualTo("SCHEDULE");
        assertThat(first.scope().kind()).isEqualTo(RunScope.Kind.ALL);
        assertThat(second).isNull();
        drain("node-a");
        assertThat(runs.record(first.id()).orElseThrow().status().name()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldActivateASegmentPlanThatOrderEvaluationFollowsAndEndItWhenTheTriggerClears() throws Exception {
        // given: in segment PUBLIC (only this test's customers), a class E customer holds nearly all the exposure
        ProfileData weak = ProfileData.customer(uniqueId("PUB-weak")).segment("PUBLIC").years(1).rating("CCC")
                .flatSales(AS_OF, 24, "20000").invoice(AS_OF.minusDays(130), AS_OF.minusDays(100), "50000", "0", null)
                .insert(dataSource);
        // no invoices due, flat sales, new and rated CCC: 62 points, class C
        ProfileData middling = ProfileData.customer(uniqueId("PUB-mid")).segment("PUBLIC").years(1).rating("CCC")
                .flatSales(AS_OF, 24, "20000").insert(dataSource);

        // when
        RunRecord run = service.start(RunScope.of("PUBLIC", null, null), AS_OF, RunTrigger.API, "risk", null);
        drain("node-a");

        // then: tighten-credit is active for the segment, with the share that triggered it
        riskOfficer().get("/api/reevaluations/" + run.id()).then().statusCode(200)
                .body("summary.plansActivated.plan", hasItem("tighten-credit"))
                .body("summary.segments.find { it.segment == 'PUBLIC' }.exposureClassDEPercent", equalTo(100.0f));
        riskOfficer().get("/api/contingency-plans").then().statusCode(200)
                .body("find { it.scope == 'SEGMENT:PUBLIC' }.planCode", equalTo("tighten-credit"))
                .body("find { it.scope == 'SEGMENT:PUBLIC' }.triggerValues.'segment.exposureClassDEPercent'", equalTo(100.0f));
        riskOfficer().get("/api/customers/" + middling.id()).then().body("riskClass", equalTo("C"));
        // a class C order now needs prepayment
        sales().body(order(uniqueId("SO"), middling.id(), "1000", "EUR", 14, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200)
                .body("reasons.rule", hasItem("ContingencyPlanRequiresPrepayment"))
                .body("conditions", hasItem("PREPAYMENT_REQUIRED"));

        // when the weak customer pays, the next run ends the plan and orders no longer need prepayment
        execute("UPDATE invoices SET paid_amount = amount, paid_date = DATE '2026-06-01' WHERE customer_id = '" + weak.id() + "'");
        RunRecord again = service.start(RunScope.of("PUBLIC", null, null), AS_OF, RunTrigger.API, "risk", null);
        drain("node-a");
        riskOfficer().get("/api/reevaluations/" + again.id()).then().statusCode(200)
                .body("summary.plansEnded.plan", hasItem("tighten-credit"));
        riskOfficer().get("/api/contingency-plans?status=ENDED").then().statusCode(200)
                .body("find { it.scope == 'SEGMENT:PUBLIC' }.endReason", org.hamcrest.Matchers.containsString("no longer holds"));
        sales().body(order(uniqueId("SO"), middling.id(), "1000", "EUR", 14, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200)
                .body("reasons.rule", not(hasItem("ContingencyPlanRequiresPrepayment")));
    }

    @Test
    void shouldAllowOneRunPerScopeAtATime() {
        // given: a run over a region whose only chunk another instance holds
        String region = uniqueId("Region");
        ProfileData.customer(uniqueId("C")).region(region).flatSales(AS_OF, 24, "1000").insert(dataSource);
        RunScope scope = RunScope.of(null, region, null);
        RunRecord held = new RunRecord(UUID.randomUUID(), scope, RunStatus.RUNNING, RunTrigger.API, "risk", AS_OF, "000000000000",
                new RunConstants(AS_OF, BigDecimal.ONE, Map.of(), BigDecimal.TEN, BigDecimal.ONE, 90), 1, 1,
                OffsetDateTime.now(), null, null);
        runs.create(held, List.of(new ChunkBounds("A", "Z", 1)), null);
        chunks.claim("another-instance", java.time.Duration.ofMinutes(5), 3, OffsetDateTime.now()).orElseThrow();

        // when / then
        riskOfficer().body(Map.of("region", region)).post("/api/reevaluations").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("one run per scope at a time"));
        riskOfficer().post("/api/reevaluations/" + held.id() + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        String id = riskOfficer().body(Map.of("region", region, "asOf", AS_OF.toString()))
                .post("/api/reevaluations").then().statusCode(202).extract().path("id");
        drain("node-a");
        riskOfficer().get("/api/reevaluations/" + id).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("progress.done", equalTo(1));
    }

    @Test
    void shouldAssessACustomerTheSameWhateverChunkItFallsIn() throws Exception {
        // given: five different customers, assessed in chunks {0,1} {2,3} {4}
        String region = uniqueId("Bounds");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(ProfileData.customer(String.format("%s-%02d", region, i)).region(region).years(1 + 7 * i)
                    .rating(List.of("AAA", "BBB", "B", "CCC", "A").get(i)).flatSales(AS_OF, 24, String.valueOf(5000 * (i + 1)))
                    .invoice(AS_OF.minusDays(70), AS_OF.minusDays(40 - 9 * i), "3000", i % 2 == 0 ? "3000" : "0",
                            i % 2 == 0 ? AS_OF.minusDays(30) : null)
                    .insert(dataSource).id());
        }
        service.start(RunScope.of(null, region, null), AS_OF, RunTrigger.API, "risk", null);
        drain("node-a");
        List<String> first = assessedValues(region);

        // when: the same customers from the same starting values, cut differently: {1,2} {3,4} and {0} on its own
        execute("UPDATE customers SET score = NULL, risk_class = 'B', credit_limit = 100000, payment_terms_days = 30, "
                + "prepayment_required = FALSE WHERE region = '" + region + "'");
        service.start(RunScope.of(null, null, ids.subList(1, 5)), AS_OF, RunTrigger.API, "risk", null);
        service.start(RunScope.of(null, null, ids.subList(0, 1)), AS_OF, RunTrigger.API, "risk", null);
        drain("node-b");

        // then
        assertThat(assessedValues(region)).isEqualTo(first);
        assertThat(first).hasSize(5);
        assertThat(first.stream().map(v -> v.split(" ")[1]).distinct().count()).as("different scores").isGreaterThan(2);
    }

    /** Works as one instance until no chunk and no finishing step is left. */
    private void drain(String instance) {
        int steps = 0;
        while (workers.workOnce(instance)) {
            assertThat(++steps).as("steps").isLessThan(1000);
        }
    }

    private Callable<Integer> worker(String instance) {
        return () -> {
            int chunks = 0;
            while (workers.workOnce(instance)) {
                chunks++;
            }
            return chunks;
        };
    }

    private List<String> customers(String region, int count) {
        List<String> ids = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> ids.add(ProfileData.customer(String.format("%s-%02d", region, i)).region(region)
                .flatSales(AS_OF, 24, String.valueOf(1000 + i)).insert(dataSource).id()));
        return ids;
    }

    private long count(String sql, Object parameter) throws Exception {
        return SqlCounts.count(dataSource, sql, parameter);
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> assessedValues(String region) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, score, risk_class, credit_limit, payment_terms_days, prepayment_required FROM customers "
                        + "WHERE region = ? ORDER BY id")) {
            select.setString(1, region);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1) + " " + row.getInt(2) + " " + row.getString(3) + " " + row.getBigDecimal(4)
                            + " " + row.getInt(5) + " " + row.getBoolean(6));
                }
            }
        }
        return values;
    }
}
