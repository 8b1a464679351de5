package io.salesrisk.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * Bounded benchmark (a main, not a test; README, Performance): the same customers re-evaluated by the service alone,
 * by the service with the Spark job in local mode (local[2], in this JVM), and on a standalone cluster of 1 and of 2
 * one-core workers; each on a fresh copy of one loaded database, so every run starts from the same data. A plain SQL
 * scan of the same rows is the yardstick. {@code -Dbench.customers=1000000 -Dbench.cluster-customers=100000}.
 */
public final class SparkBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    private static final int CLUSTER_CUSTOMERS = Integer.getInteger("bench.cluster-customers", 100_000);
    private static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("bench.timeout-minutes", 20));

    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder();
        String base = "salesrisk_spark_bench_" + CUSTOMERS;
        load(base, CUSTOMERS);
        double scan = scan(base);
        double service = serviceRun(base);
        double local = sparkRun(base, null, 0);
        report.append(String.format(Locale.ROOT, "%d customers: plain SQL scan %.1f s; in-service run %.1f s (%.1fx the scan); "
                        + "Spark local[2] run %.1f s (%.2fx the in-service run, %.1fx the scan)%n", CUSTOMERS, scan, service,
                service / scan, local, local / service, local / scan));
        String clusterBase = "salesrisk_spark_bench_" + CLUSTER_CUSTOMERS;
        load(clusterBase, CLUSTER_CUSTOMERS);
        double one;
        double two;
        try (LocalCluster cluster = LocalCluster.start(1, "1g")) {
            one = sparkRun(clusterBase, cluster, 1);
        }
        try (LocalCluster cluster = LocalCluster.start(2, "1g")) {
            two = sparkRun(clusterBase, cluster, 2);
        }
        report.append(String.format(Locale.ROOT, "%d customers on a standalone cluster: 1 worker %.1f s, 2 workers %.1f s "
                + "(2 workers take %.2fx the time of 1)%n", CLUSTER_CUSTOMERS, one, two, two / one));
        System.out.print(report);
        Files.writeString(Path.of("target", "spark-benchmark.txt"), report.toString());
    }

    private static void load(String database, int customers) throws Exception {
        try (Connection connection = TestDatabases.connect(database)) {
            if (RunTables.count(connection, "SELECT COUNT(*) FROM customers") == customers) {
                return;
            }
        } catch (Exception notThere) {
            // load it
        }
        TestDatabases.recreate(database, null);
        try (ServiceProcess migrate = ServiceProcess.start(database)) {
            // migrates and stores the shipped rule set
        }
        long start = System.nanoTime();
        TestDatabases.load(database, customers, LocalDate.now());
        System.out.printf(Locale.ROOT, "%d customers loaded in %.0f s%n", customers, (System.nanoTime() - start) / 1e9);
    }

    /** The yardstick: every row a run reads (customers, sales, invoices, orders), read once. */
    private static double scan(String database) throws Exception {
        try (Connection connection = TestDatabases.connect(database)) {
            long start = System.nanoTime();
            RunTables.count(connection, "SELECT COUNT(*) + SUM(s.sales) * 0 + SUM(i.open) * 0 + SUM(o.orders) * 0 FROM customers c "
                    + "LEFT JOIN (SELECT customer_id, SUM(amount) AS sales FROM sales_history GROUP BY customer_id) s ON s.customer_id = c.id "
                    + "LEFT JOIN (SELECT customer_id, SUM(amount - paid_amount) AS open FROM invoices GROUP BY customer_id) i ON i.customer_id = c.id "
                    + "LEFT JOIN (SELECT customer_id, SUM(amount) AS orders FROM sales_orders GROUP BY customer_id) o ON o.customer_id = c.id");
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static String copy(String base) throws Exception {
        String copy = base + "_run";
        TestDatabases.recreate(copy, base);
        try (Connection connection = TestDatabases.connect(copy); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        return copy;
    }

    private static double serviceRun(String base) throws Exception {
        String database = copy(base);
        try (ServiceProcess service = ServiceProcess.start(database)) {
            long start = System.nanoTime();
            String id = service.startRun("{}");
            String run = service.awaitFinished(id, TIMEOUT);
            check(run);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** A run handed to Spark, from the start request until the service has completed it. */
    private static double sparkRun(String base, LocalCluster cluster, int cores) throws Exception {
        String database = copy(base);
        try (ServiceProcess service = ServiceProcess.start(database, "salesrisk.reevaluation.executor=spark")) {
            SparkConf conf = cluster == null
                    ? new SparkConf().setMaster("local[2,4]").setAppName("salesrisk benchmark").set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    : cluster.conf("salesrisk benchmark", cores, "1g");
            try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                long start = System.nanoTime();
                String id = service.startRun("{}");
                SalesriskSparkJob.Report report = SalesriskSparkJob.reevaluate(spark, TestDatabases.job(database),
                        UUID.fromString(id), new SalesriskSparkJob.Options(10_000, Duration.ZERO, 0));
                double staged = (System.nanoTime() - start) / 1e9;
                String run = service.awaitFinished(id, TIMEOUT);
                check(run);
                double total = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "spark (%s): staged in %.1f s, completed in %.1f s: %s%n",
                        cluster == null ? "local[2]" : cores + " worker(s)", staged, total, report);
                return total;
            }
        }
    }

    private static void check(String run) {
        if (!run.contains("\"status\":\"COMPLETED\"")) {
            throw new IllegalStateException("run did not complete: " + run);
        }
    }
}
