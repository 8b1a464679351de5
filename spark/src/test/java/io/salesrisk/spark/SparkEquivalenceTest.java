package io.salesrisk.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same 10,000 customers through the service's own run and through the Spark job in local mode: two copies of one
 * database, one run each, and every table a run writes compared row by row (assessments with their reasons, signals,
 * alerts, limit proposals, plans, customers' new values, and the run's summary with its portfolio figures).
 */
class SparkEquivalenceTest {

    private static final int CUSTOMERS = 10_000;
    private static final String SERVICE_DB = "salesrisk_spark_service";
    private static final String SPARK_DB = "salesrisk_spark_job";
    private static JavaSparkContext spark;

    @BeforeAll
    static void databases() throws Exception {
        TestDatabases.recreate(SERVICE_DB, null);
        try (ServiceProcess migrate = ServiceProcess.start(SERVICE_DB)) {
            // migrates the database and stores the shipped rule set as the active version
        }
        TestDatabases.load(SERVICE_DB, CUSTOMERS, LocalDate.now());
        TestDatabases.recreate(SPARK_DB, SERVICE_DB);
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,4]").setAppName("salesrisk equivalence")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void theSparkJobFindsExactlyWhatTheServiceFinds() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(SERVICE_DB)) {
            String id = service.startRun("{}");
            assertTrue(service.awaitFinished(id, Duration.ofMinutes(5)).contains("\"status\":\"COMPLETED\""));
        }
        SalesriskSparkJob.Report report;
        String sparkRun;
        try (ServiceProcess service = ServiceProcess.start(SPARK_DB, "salesrisk.reevaluation.executor=spark")) {
            sparkRun = service.startRun("{}");
            assertTrue(service.run(sparkRun).contains("\"executor\":\"SPARK\""), service.run(sparkRun));
            report = SalesriskSparkJob.reevaluate(spark, TestDatabases.job(SPARK_DB), UUID.fromString(sparkRun),
                    SalesriskSparkJob.Options.defaults());
            String finished = service.awaitFinished(sparkRun, Duration.ofMinutes(5));
            assertTrue(finished.contains("\"status\":\"COMPLETED\""), finished);
        }
        assertEquals(CUSTOMERS, report.customers(), report.toString());
        assertEquals(report.chunksToStage(), report.chunksStaged());
        assertEquals(1, ExecutorRules.compiledCount(), "the rule set is compiled once per executor JVM");

        Map<String, List<String>> byService;
        Map<String, List<String>> bySpark;
        try (Connection a = TestDatabases.connect(SERVICE_DB); Connection b = TestDatabases.connect(SPARK_DB)) {
            byService = RunTables.read(a);
            bySpark = RunTables.read(b);
            assertEquals(0, RunTables.count(b, "SELECT COUNT(*) FROM reevaluation_staged_chunks"),
                    "every staged chunk is taken when it is stored");
        }
        assertTrue(byService.get("assessments").size() > 1000, "the run changes customers: " + byService.get("assessments").size());
        assertTrue(byService.get("signals").size() > 100, "the run finds signals: " + byService.get("signals").size());
        assertFalse(byService.get("alerts").isEmpty());
        assertFalse(byService.get("summary").isEmpty());
        for (String table : RunTables.QUERIES.keySet()) {
            List<String> expected = byService.get(table);
            List<String> actual = bySpark.get(table);
            if (!expected.equals(actual)) {
                List<String> missing = expected.stream().filter(row -> !actual.contains(row)).limit(5).toList();
                List<String> extra = actual.stream().filter(row -> !expected.contains(row)).limit(5).toList();
                throw new AssertionError(table + " differ (" + expected.size() + " rows by the service, " + actual.size()
                        + " by Spark); only by the service: " + missing + "; only by Spark: " + extra);
            }
            assertEquals(expected.size(), actual.size(), table + ": rows");
        }

        // submitted again, the job finds every chunk staged and stored, and adds nothing
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> SalesriskSparkJob.reevaluate(
                spark, TestDatabases.job(SPARK_DB), UUID.fromString(sparkRun), SalesriskSparkJob.Options.defaults()));
        assertTrue(again.getMessage().contains("COMPLETED"), again.getMessage());
    }
}
