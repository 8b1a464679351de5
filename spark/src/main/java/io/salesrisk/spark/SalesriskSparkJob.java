package io.salesrisk.spark;

import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.SqlDialect;
import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.profile.CustomerFigures;
import io.salesrisk.reevaluation.profile.ProfileQuery;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.staged.ChunkAssessment;
import io.salesrisk.reevaluation.persistence.StagedChunkTable;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The salesrisk Spark job. {@code reevaluate --run <id> --jdbc-url <url>}: assesses the chunks of a run the service
 * handed to Spark. The service created the run (its constants, rule-set version and chunks, one id range each); every
 * chunk becomes one task, which reads its customers' profiles from PostgreSQL with the service's own profile query
 * (the id range is the partition bound), assesses them with the service's own code and the run's rule set, and stages
 * the results keyed by run and chunk. A task retried after a lost executor, a speculative copy or a job submitted
 * again finds its chunk staged and adds nothing. The service's workers store each staged chunk and take the run's
 * finishing step (portfolio figures, triggers, plans, summary), exactly as for a run they assessed themselves.
 */
public final class SalesriskSparkJob {

    /** What one task did. */
    public record ChunkOutcome(int chunkNo, int customers, int failed, boolean staged, String executor, long millis)
            implements Serializable {
    }

    /** What the job did, and (with waiting) how the run ended in the service. */
    public record Report(UUID runId, int chunksToStage, int chunksStaged, int chunksStagedEarlier, int customers,
                         int failed, Map<String, Integer> chunksByExecutor, String runStatus, double seconds) {
    }

    /** Options of one reevaluate call. */
    public record Options(int maxFirings, Duration waitForRun, long taskDelayMillis) implements Serializable {
        public static Options defaults() {
            return new Options(10_000, Duration.ZERO, 0);
        }
    }

    private SalesriskSparkJob() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (args.length == 0 || !args[0].equals("reevaluate") || !options.containsKey("run") || !options.containsKey("jdbc-url")) {
            System.err.println("usage: reevaluate --run <run id> --jdbc-url jdbc:postgresql://host:5432/db "
                    + "[--jdbc-user u] [--jdbc-password p | env SALESRISK_JDBC_PASSWORD] [--max-firings 10000] "
                    + "[--wait-minutes 0] [--master local[2]]");
            System.exit(2);
        }
        SparkConf conf = new SparkConf().setAppName("salesrisk reevaluate " + options.get("run"));
        if (options.containsKey("master")) {
            conf.setMaster(options.get("master"));
        }
        JobDatabase database = new JobDatabase(options.get("jdbc-url"), options.get("jdbc-user"), options.get("jdbc-password"));
        Options run = new Options(Integer.parseInt(options.getOrDefault("max-firings", "10000")),
                Duration.ofMinutes(Long.parseLong(options.getOrDefault("wait-minutes", "0"))),
                Long.parseLong(options.getOrDefault("task-delay-ms", "0")));
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            Report report = reevaluate(spark, database, UUID.fromString(options.get("run")), run);
            System.out.println("salesrisk-spark: " + report);
            if (report.runStatus() != null && !report.runStatus().equals("COMPLETED")) {
                System.exit(1);
            }
        }
    }

    /** Assesses and stages every chunk of the run not staged yet; then, if asked, waits until the service finished it. */
    public static Report reevaluate(JavaSparkContext spark, JobDatabase database, UUID runId, Options options)
            throws SQLException, InterruptedException {
        long start = System.nanoTime();
        RunInput.Stored run;
        List<RunInput.Chunk> chunks;
        try (Connection connection = database.connect()) {
            run = RunInput.read(connection, runId, options.maxFirings());
            if (!run.executor().equals("SPARK")) {
                throw new IllegalArgumentException("run " + runId + " is assessed by the service (executor "
                        + run.executor() + "), not handed to Spark");
            }
            if (!run.status().equals("RUNNING")) {
                throw new IllegalArgumentException("run " + runId + " is " + run.status() + "; only a running run is assessed");
            }
            chunks = RunInput.chunksToStage(connection, runId);
        }
        List<ChunkTask> tasks = new ArrayList<>(chunks.size());
        for (RunInput.Chunk chunk : chunks) {
            tasks.add(new ChunkTask(runId, chunk.chunkNo(), chunk.firstId(), chunk.lastId(), run, database));
        }
        List<ChunkOutcome> outcomes = tasks.isEmpty() ? List.of()
                // one partition per chunk: a lost executor costs only the chunks it had not staged yet
                : spark.parallelize(tasks, tasks.size()).map(task -> stage(task, options)).collect();
        int staged = 0;
        int earlier = 0;
        int customers = 0;
        int failed = 0;
        Map<String, Integer> byExecutor = new LinkedHashMap<>();
        for (ChunkOutcome outcome : outcomes) {
            if (outcome.staged()) {
                staged++;
                customers += outcome.customers();
                failed += outcome.failed();
                byExecutor.merge(outcome.executor(), 1, Integer::sum);
            } else {
                earlier++;
            }
        }
        String status = options.waitForRun().isZero() ? null : waitForRun(database, runId, options.waitForRun());
        return new Report(runId, tasks.size(), staged, earlier, customers, failed, byExecutor, status,
                (System.nanoTime() - start) / 1e9);
    }

    /** The task: one chunk read, assessed and staged in one transaction. */
    static ChunkOutcome stage(ChunkTask task, Options options) throws Exception {
        long start = System.nanoTime();
        String executor = executorName();
        try (Connection connection = task.database().connect()) {
            connection.setAutoCommit(false);
            try {
                RunInput.Stored run = task.run();
                CompiledRuleSet rules = ExecutorRules.get(connection, run.rulesetVersion(), run.contentHash(), run.maxFirings());
                RunConstants constants = run.constants();
                ProfileQuery profiles = new ProfileQuery(new Jdbc(JobDatabase.borrowing(connection), new SqlDialect("postgresql")));
                List<CustomerFigures> figures = profiles.load(task.runId(), run.scope(), task.firstId(), task.lastId(), constants);
                ChunkAssessment assessed = ChunkAssessment.of(figures, rules,
                        new AssessmentPolicy(constants.autoIncreasePercent(), constants.limitRounding()));
                if (options.taskDelayMillis() > 0) {
                    Thread.sleep(options.taskDelayMillis()); // tests only: time to lose a worker mid-run
                }
                boolean staged = StagedChunkTable.stage(SqlSession.on(connection), task.runId(), task.chunkNo(), assessed.staged(), executor);
                connection.commit();
                return new ChunkOutcome(task.chunkNo(), figures.size(), assessed.failed().size(), staged, executor,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static String executorName() {
        SparkEnv env = SparkEnv.get();
        String id = env == null ? "driver" : env.executorId();
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown";
        }
        return "spark executor " + id + " on " + host + " (pid " + ProcessHandle.current().pid() + ")";
    }

    /** Polls the run until the service's workers have stored every staged chunk and finished it. */
    static String waitForRun(JobDatabase database, UUID runId, Duration atMost) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT status FROM reevaluation_runs WHERE id = ?")) {
            select.setObject(1, runId);
            while (true) {
                String status;
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    status = row.getString(1);
                }
                if (!status.equals("RUNNING") && !status.equals("FINISHING")) {
                    return status;
                }
                if (System.nanoTime() > deadline) {
                    return status;
                }
                Thread.sleep(500);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option at " + args[i]);
            }
            options.put(args[i].substring(2).toLowerCase(Locale.ROOT), args[i + 1]);
        }
        return options;
    }
}
