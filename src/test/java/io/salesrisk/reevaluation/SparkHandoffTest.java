package io.salesrisk.reevaluation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.persistence.RunRepository;
import io.salesrisk.reevaluation.profile.ProfileQuery;
import io.salesrisk.reevaluation.run.RunExecutor;
import io.salesrisk.reevaluation.run.RunProgress;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.RunTrigger;
import io.salesrisk.reevaluation.run.RunWorkers;
import io.salesrisk.reevaluation.service.ReevaluationService;
import io.salesrisk.reevaluation.service.RunReports;
import io.salesrisk.reevaluation.staged.ChunkAssessment;
import io.salesrisk.reevaluation.persistence.StagedChunkTable;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.testsupport.ProfileData;
import io.salesrisk.testsupport.SqlCounts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service's half of a run handed to Spark, with its workers stepped by the test: chunks wait until staged, each
 * staged chunk is stored as the service stores its own, staging twice adds nothing, the run is finished by the
 * service. The executor's half is played here by the same plain code the Spark task runs (profile query, chunk
 * assessment, staging table); the Spark module's tests run the real job, in local mode and on a cluster.
 */
@QuarkusTest
@TestProfile(ReevaluationWorkersTest.SteppedWorkers.class)
class SparkHandoffTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReevaluationService service;
    @Inject
    RunRepository runs;
    @Inject
    RunReports reports;
    @Inject
    RunWorkers workers;
    @Inject
    ProfileQuery profiles;
    @Inject
    ActiveRuleSet activeRuleSet;

    @Test
    void shouldStoreOnlyStagedChunksAndFinishTheRunOnceAllAreStaged() throws Exception {
        String region = uniqueId("Spark");
        IntStream.range(0, 5).forEach(i -> ProfileData.customer(String.format("%s-%02d", region, i)).region(region)
                .flatSales(AS_OF, 24, String.valueOf(1000 + i)).insert(dataSource));
        RunRecord run = service.start(RunScope.of(null, region, null), AS_OF, RunTrigger.API, "risk", null, RunExecutor.SPARK);
        assertThat(runs.record(run.id()).orElseThrow().executor()).isEqualTo(RunExecutor.SPARK);

        // nothing staged: the workers leave the run's chunks to Spark
        drain();
        RunProgress waiting = reports.progress(runs.record(run.id()).orElseThrow());
        assertThat(waiting.done()).isZero();
        assertThat(waiting.chunksStaged()).isZero();
        assertThat(waiting.executor()).isEqualTo("SPARK");

        List<Chunk> chunks = chunks(run.id());
        assertThat(chunks).hasSize(3);
        assertThat(stage(run, chunks.get(0))).isTrue();
        assertThat(stage(run, chunks.get(0))).as("a retried task finds its chunk staged").isFalse();
        drain();
        RunProgress one = reports.progress(runs.record(run.id()).orElseThrow());
        assertThat(one.chunksStaged()).isEqualTo(1);
        assertThat(one.chunksDone()).isEqualTo(1);
        assertThat(one.done()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM reevaluation_staged_chunks WHERE run_id = ?", run.id()))
                .as("a stored chunk's staged row is gone").isZero();
        assertThat(stage(run, chunks.get(0))).as("nor is a stored chunk staged again").isFalse();

        stage(run, chunks.get(1));
        stage(run, chunks.get(2));
        drain();
        RunRecord finished = runs.record(run.id()).orElseThrow();
        assertThat(finished.status().name()).isEqualTo("COMPLETED");
        assertThat(reports.progress(finished).done()).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM customer_assessments WHERE run_id = ?", run.id())).isEqualTo(5);
        riskOfficer().get("/api/reevaluations/" + run.id()).then().statusCode(200)
                .body("progress.executor", equalTo("SPARK")).body("progress.chunksStaged", equalTo(3))
                .body("summary.assessed", equalTo(5));
    }

    @Test
    void shouldStageNothingOfACancelledRun() throws Exception {
        String region = uniqueId("SparkCancel");
        IntStream.range(0, 3).forEach(i -> ProfileData.customer(String.format("%s-%02d", region, i)).region(region)
                .flatSales(AS_OF, 24, "1000").insert(dataSource));
        RunRecord run = service.start(RunScope.of(null, region, null), AS_OF, RunTrigger.API, "risk", null, RunExecutor.SPARK);
        Chunk first = chunks(run.id()).get(0);
        reports.cancel(run.id());
        assertThat(stage(run, first)).isFalse();
        assertThat(count("SELECT COUNT(*) FROM reevaluation_staged_chunks WHERE run_id = ?", run.id())).isZero();
    }

    @Test
    void shouldRefuseAnUnknownExecutor() {
        riskOfficer().body(Map.of("region", "x", "executor", "mars")).post("/api/reevaluations").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("executor"));
    }

    /** What the Spark task does for one chunk, with the service's own pieces. */
    private boolean stage(RunRecord run, Chunk chunk) throws Exception {
        CompiledRuleSet rules = activeRuleSet.current();
        RunRecord stored = runs.record(run.id()).orElseThrow();
        ChunkAssessment assessed = QuarkusTransaction.requiringNew().call(() -> ChunkAssessment.of(
                profiles.load(run.id(), run.scope(), chunk.firstId(), chunk.lastId(), stored.constants()), rules,
                new AssessmentPolicy(stored.constants().autoIncreasePercent(), stored.constants().limitRounding())));
        assertThat(assessed.assessed().size() + assessed.failed().size()).isEqualTo(chunk.size());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean staged = StagedChunkTable.stage(SqlSession.on(connection), run.id(), chunk.chunkNo(), assessed.staged(), "test executor");
            connection.commit();
            return staged;
        }
    }

    private void drain() {
        int steps = 0;
        while (workers.workOnce("spark-handoff-test")) {
            assertThat(++steps).isLessThan(100);
        }
    }

    /** A run's chunk as stored. */
    private record Chunk(int chunkNo, String firstId, String lastId, int size) {
    }

    private List<Chunk> chunks(UUID runId) throws Exception {
        List<Chunk> chunks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT chunk_no, first_id, last_id, size FROM reevaluation_chunks WHERE run_id = ? ORDER BY chunk_no")) {
            select.setObject(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    chunks.add(new Chunk(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
                }
            }
        }
        return chunks;
    }

    private long count(String sql, Object parameter) throws Exception {
        return SqlCounts.count(dataSource, sql, parameter);
    }
}
