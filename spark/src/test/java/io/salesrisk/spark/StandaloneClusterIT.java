package io.salesrisk.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    private static final Path SPARK_HOME = Path.of(System.getProperty("salesrisk.spark.home", "target/spark-home")).toAbsolutePath();
    private static final Path JOB_JAR = Path.of(System.getProperty("salesrisk.job.jar", "target/salesrisk-spark-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    private static final List<String> JAVA17 = Arrays.asList(System.getProperty("spark.java17.options", "").trim().split("\\s+"));

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopCluster() throws InterruptedException {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void losingAWorkerMidRunLosesNoCustomerAndCountsNoneTwice() throws Exception {
        assertTrue(Files.exists(JOB_JAR), JOB_JAR + " (the job jar, built in package)");
        TestDatabases.recreate(DB, null);
        try (ServiceProcess migrate = ServiceProcess.start(DB)) {
            // migrates and stores the shipped rule set
        }
        TestDatabases.load(DB, CUSTOMERS, LocalDate.now());

        int masterPort = ServiceProcess.freePort();
        int masterUi = ServiceProcess.freePort();
        String master = "spark://127.0.0.1:" + masterPort;
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "" + masterPort,
                "--webui-port", "" + masterUi);
        Process first = start("worker-1", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                "--memory", "1g", "--webui-port", "" + ServiceProcess.freePort(), "--work-dir", work("worker-1"), master);
        start("worker-2", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                "--webui-port", "" + ServiceProcess.freePort(), "--work-dir", work("worker-2"), master);
        awaitWorkers(masterUi, 2);

        try (ServiceProcess service = ServiceProcess.start(DB, "salesrisk.reevaluation.executor=spark",
                "salesrisk.reevaluation.chunk-size=" + CHUNK_SIZE)) {
            String runId = service.startRun("{}");
            SparkConf conf = new SparkConf().setMaster(master).setAppName("salesrisk cluster test")
                    .setJars(new String[]{JOB_JAR.toString()})
                    .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false").set("spark.executor.memory", "768m").set("spark.executor.cores", "1")
                    .set("spark.cores.max", "2").set("spark.task.maxFailures", "8")
                    .set("spark.executor.extraJavaOptions", String.join(" ", JAVA17));
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
                first.descendants().forEach(ProcessHandle::destroyForcibly);
                first.destroyForcibly();
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

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", SPARK_HOME.resolve("jars") + "/*", "-Dspark.worker.timeout=10"));
        command.addAll(JAVA17);
        command.add(mainClass);
        command.addAll(List.of(args));
        Path log = Path.of("target", "spark-" + name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", SPARK_HOME.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static String work(String name) throws IOException {
        Path dir = Path.of("target", "spark-work", name).toAbsolutePath();
        Files.createDirectories(dir);
        return dir.toString();
    }

    private void awaitWorkers(int masterUi, int workers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String state = "";
        while (System.nanoTime() < deadline) {
            try {
                state = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (state.contains("\"aliveworkers\" : " + workers) || state.contains("\"aliveworkers\":" + workers)) {
                    return;
                }
            } catch (IOException notYet) {
                // the master is starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(workers + " workers did not register with the master: " + state);
    }
}
