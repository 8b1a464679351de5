package io.salesrisk.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.salesrisk.kpi.service.KpiSchedule;
import io.salesrisk.testsupport.ShippedTables;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.salesrisk.testsupport.Api.activeVersion;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The KPI table in the rule-set lifecycle (an upload with a gap is refused at its cell, the active version stays),
 * the scheduled evaluation claimed once per tick by concurrent instances, and the gauge on /q/metrics.
 */
@QuarkusTest
class KpiRuleSetAndScheduleTest {

    private static final Path KPI_TABLE = Path.of("decision-tables/process-kpis.xlsx");

    @Inject
    KpiSchedule schedule;

    @Test
    void anUploadWhoseKpiBandsLeaveAGapIsRefusedAtItsCellAndTheActiveVersionStays() {
        String active = activeVersion();

        upload(riskOfficer(), "process-kpis.xlsx", ShippedTables.withCell(KPI_TABLE, "Kpis", "F11", 80))
                .post("/api/rulesets").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("REJECTED"))
                .body("errors.find { it.cell == 'E12' }.file", equalTo("process-kpis.xlsx"))
                .body("errors.find { it.cell == 'E12' }.sheet", equalTo("Kpis"))
                .body("errors.find { it.cell == 'E12' }.message", containsString("gap: DSO"));
        upload(riskOfficer(), "process-kpis.xlsx", ShippedTables.withCell(KPI_TABLE, "Kpis", "C20", "HELD_TOO_LONG"))
                .post("/api/rulesets").then().statusCode(422)
                .body("errors.find { it.cell == 'C20' }.message", containsString("unknown KPI 'HELD_TOO_LONG'"));

        assertThat(activeVersion()).isEqualTo(active);
    }

    @Test
    void concurrentInstancesFiringTheSameTickEvaluateItOnce() throws Exception {
        Instant tick = Instant.parse("2026-01-01T10:00:00Z").plusSeconds(3600L * (System.nanoTime() % 100_000));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<Boolean> fire = () -> schedule.evaluateTick(tick);
            List<Future<Boolean>> results = pool.invokeAll(List.of(fire, fire, fire));
            long evaluated = 0;
            for (Future<Boolean> result : results) {
                evaluated += result.get() ? 1 : 0;
            }
            assertThat(evaluated).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(schedule.evaluateTick(tick)).isFalse();
        assertThat(schedule.evaluateTick(tick.plusSeconds(3600))).isTrue();
    }

    @Test
    void theLastValuesAreGaugesOnMetrics() {
        riskOfficer().post("/api/kpis/evaluate").then().statusCode(200);
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("salesrisk_kpi_value{kpi=\"HELD_WAITING_LONG\",scope=\"PORTFOLIO:all\"}");
    }
}
