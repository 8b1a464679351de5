package io.salesrisk.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spark standalone cluster on loopback, from the Maven artifacts: a master and two workers, each its own JVM, and
 * executors launched by the workers as Spark launches them. The job is submitted to it as a jar (the shaded
 * spark-submit jar), one worker is killed with its executor while the run is under way, and the run still completes
 * with every customer assessed exactly once.
 */
class StandaloneClusterIT {

    private static final int CUSTOMERS = 10_000;
    private static final int CHUNK_SIZE = 250;
    private static final String DB = "salesrisk_spark_cluster";

    @Test
    void losingAWorkerMidRunLosesNoCustomerAndCountsNoneTwice() throws Exception {
        TestDatabases.recreate(DB, null);
        try (ServiceProcess migrate = ServiceProcess.start(DB)) {
            // migrates and stores the shipped rule set
        }
        TestDatabases.load(DB, CUSTOMERS, LocalDate.now());

        try (LocalCluster cluster = LocalCluster.start(2, "1g");
             ServiceProcess service = ServiceProcess.start(DB, "salesrisk.reevaluation.executor=spark",
                     "salesrisk.reevaluation.chunk-size=" + CHUNK_SIZE)) {
            String runId = service.startRun("{}");
            SparkConf conf = cluster.conf("salesrisk cluster test", 2, "768m");
            CompletableFuture<SalesriskSparkJob.Report> job = CompletableFuture.supplyAsync(() -> {
                try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                    // slow tasks (400 ms each on top of the work), so that the worker dies while chunks remain
                    return SalesriskSparkJob.reevaluate(spark, TestDatabases.job(DB), UUID.fromString(runId),
                            new SalesriskSparkJob.Options(10_000, Duration.ZERO, 400));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            int chunks = CUSTOMERS / CHUNK_SIZE;
            try (Connection connection = TestDatabases.connect(DB)) {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
                // the executors at work, and chunks left
                while (RunTables.count(connection, "SELECT COUNT(*) FROM reevaluation_chunks WHERE run_id = '" + runId
                        + "' AND staged_at IS NOT NULL") < 6) {
                    assertTrue(System.nanoTime() < deadline && !job.isDone(), "the executors did not start staging");
                    Thread.sleep(100);
                }
                long stagedAtKill = RunTables.count(connection, "SELECT COUNT(*) FROM reevaluation_chunks WHERE run_id = '"
                        + runId + "' AND staged_at IS NOT NULL");
                assertTrue(stagedAtKill < chunks, "the worker is lost mid-run: " + stagedAtKill + " of " + chunks);
                // the machine is lost: the worker and the executor it launched
                cluster.killWorker(1);
            }

            SalesriskSparkJob.Report report = job.get(6, TimeUnit.MINUTES);
            assertEquals(chunks, report.chunksToStage());
            assertEquals(chunks, report.chunksStaged() + report.chunksStagedEarlier(), report.toString());
            assertTrue(report.chunksByExecutor().size() >= 2, "both executors staged chunks: " + report);
            System.out.println("salesrisk-spark cluster test: " + report);
            String finished = service.awaitFinished(runId, Duration.ofMinutes(3));
            assertTrue(finished.contains("\"status\":\"COMPLETED\""), finished);
            assertEquals(String.valueOf(CUSTOMERS), ServiceProcess.field(finished, "done"), finished);
            assertEquals("0", ServiceProcess.field(finished, "failed"), finished);

            try (Connection connection = TestDatabases.connect(DB)) {
                String run = "run_id = '" + runId + "'";
                assertEquals(chunks, RunTables.count(connection, "SELECT COUNT(*) FROM reevaluation_chunks WHERE " + run
                        + " AND status = 'DONE' AND staged_at IS NOT NULL"));
                assertEquals(CUSTOMERS, RunTables.count(connection,
                        "SELECT SUM(done_count + failed_count) FROM reevaluation_chunks WHERE " + run));
                // a customer's assessment row is keyed by run and customer: at most one each, and the changed ones all there
                assertEquals(RunTables.count(connection, "SELECT COUNT(DISTINCT customer_id) FROM customer_assessments WHERE " + run),
                        RunTables.count(connection, "SELECT COUNT(*) FROM customer_assessments WHERE " + run));
                assertEquals(0, RunTables.count(connection, "SELECT COUNT(*) FROM reevaluation_staged_chunks"));
            }
        }
    }
}
