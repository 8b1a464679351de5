package io.salesrisk.bench;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.salesrisk.demo.persistence.DemoCopyLoader;
import io.salesrisk.demo.DemoDataGenerator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-evaluates every customer of generated portfolios of 100,000 and 1,000,000 customers (24 months of sales and
 * five invoices each, loaded with COPY by the project's own generator) through {@code POST /api/reevaluations}
 * on the packaged service with a 1 GB heap, and compares each run with a plain SQL scan that reads the same rows.
 * A loaded database is kept (salesrisk_reeval_&lt;n&gt;) and reused by the next run of the benchmark; every run
 * resets the customers' assessed values first so each measures the same work.
 *
 * <p>Needs {@code ./mvnw package} first and PostgreSQL on 127.0.0.1:5432. Loading 1M customers takes about ten
 * minutes the first time; the runs themselves are bounded by {@code bench.timeout-minutes}.
 */
public final class ReevaluationBenchmark {

    private static final String JAR = System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar");
    private static final String ADMIN_URL = System.getProperty("bench.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final int PORT = Integer.getInteger("bench.port", 18182);
    private static final String SIZES = System.getProperty("bench.sizes", "100000,1000000");
    private static final int INVOICES_PER_CUSTOMER = 5;
    private static final long TIMEOUT_MINUTES = Long.getLong("bench.timeout-minutes", 20);
    private static final String PASSWORD = "bench-secret";
    private static final long SEED = 7;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString(("bench:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final LocalDate asOf = LocalDate.now();

    record Result(int customers, long sales, long invoices, double loadSeconds, double scanSeconds, double runSeconds,
                  double rate, int failed, long heapMaxUsedMb, long alerts, long outboxEvents, double backtestSeconds) {
    }

    /** With -Dbench.backtest=true each run is followed by a backtest of the same customers in the same service. */
    private static final boolean BACKTEST = Boolean.getBoolean("bench.backtest");

    /** Whether the run raises alerts (and their outbox events), or skips them: what alert creation costs the run. */
    enum Alerts { RAISED, SKIPPED }

    public static void main(String[] args) throws Exception {
        if (!Files.exists(Path.of(JAR))) {
            throw new IllegalStateException(JAR + " not found: run ./mvnw package -DskipTests first");
        }
        ReevaluationBenchmark benchmark = new ReevaluationBenchmark();
        List<Result> results = new ArrayList<>();
        for (String size : SIZES.split(",")) {
            results.add(benchmark.measure(Integer.parseInt(size.trim()), Alerts.RAISED));
        }
        String report = report(results);
        if (Boolean.getBoolean("bench.alert-overhead") || "true".equals(System.getProperty("bench.alert-overhead"))) {
            // alert creation's share of the run: the first run above warmed the database up; then without, with,
            // with, without (ABBA), so that drift on a shared machine falls on both sides alike
            int customers = results.get(0).customers();
            List<Result> skipped = new ArrayList<>();
            List<Result> raised = new ArrayList<>();
            skipped.add(benchmark.measure(customers, Alerts.SKIPPED));
            raised.add(benchmark.measure(customers, Alerts.RAISED));
            raised.add(benchmark.measure(customers, Alerts.RAISED));
            skipped.add(benchmark.measure(customers, Alerts.SKIPPED));
            report += alertOverhead(raised, skipped);
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "reevaluation-benchmark.txt"), report);
    }

    private Result measure(int customers, Alerts alerts) throws Exception {
        String db = "salesrisk_reeval_" + customers;
        String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + db;
        double loadSeconds = -1;
        if (!loaded(db, url, customers)) {
            recreate(db);
            Process migrate = start(url, customers, Alerts.RAISED);
            waitUntilReady(migrate);
            stop(migrate);
            long start = System.nanoTime();
            load(url, customers);
            loadSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d customers loaded in %.0f s%n", customers, loadSeconds);
        }
        long sales;
        long invoices;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            // every run does the same work: customers back to their generated values, earlier results gone
            statement.execute("TRUNCATE customer_assessments, risk_signals, reevaluation_failures, limit_proposals, alerts, "
                    + "outbox_events, contingency_plans, reevaluation_chunks, reevaluation_scope_ids, reevaluation_runs CASCADE");
            statement.execute("UPDATE customers SET score = NULL, credit_limit = generated_limit, risk_class = generated_class, "
                    + "payment_terms_days = generated_terms, prepayment_required = FALSE");
            statement.execute("VACUUM ANALYZE customers");
            sales = count(statement, "SELECT COUNT(*) FROM sales_history");
            invoices = count(statement, "SELECT COUNT(*) FROM invoices");
        }
        double scanSeconds = scan(url);
        Process service = start(url, customers, alerts);
        try {
            waitUntilReady(service);
            HeapSampler heap = new HeapSampler();
            heap.start();
            long start = System.nanoTime();
            String id = field(post("/api/reevaluations", "{}"), "id");
            String run;
            long deadline = start + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
            while (true) {
                Thread.sleep(1000);
                run = get("/api/reevaluations/" + id);
                if (run.contains("\"status\":\"COMPLETED\"")) {
                    break;
                }
                if (System.nanoTime() > deadline || !service.isAlive()) {
                    throw new IllegalStateException("run did not complete: " + run);
                }
            }
            double runSeconds = (System.nanoTime() - start) / 1e9;
            heap.interrupt();
            heap.join();
            int done = Integer.parseInt(field(run, "done"));
            int failed = Integer.parseInt(field(run, "failed"));
            long alertRows;
            long outboxRows;
            try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                 Statement statement = connection.createStatement()) {
                alertRows = count(statement, "SELECT COUNT(*) FROM alerts");
                outboxRows = count(statement, "SELECT COUNT(*) FROM outbox_events");
            }
            System.out.printf(Locale.ROOT, "%d customers, alerts %s: run %.1f s, scan %.1f s, %d alerts%n", customers,
                    alerts, runSeconds, scanSeconds, alertRows);
            double backtestSeconds = BACKTEST ? backtest(service) : -1;
            return new Result(customers, sales, invoices, loadSeconds, scanSeconds, runSeconds, (done + failed) / runSeconds,
                    failed, heap.maxUsedMb, alertRows, outboxRows, backtestSeconds);
        } finally {
            stop(service);
        }
    }

    /**
     * A backtest of the same customers as of three months back (the latest day whose 3-month horizon has passed),
     * in the service that just ran: the same profiles read as known then, assessed, and scored against the outcomes.
     */
    private double backtest(Process service) throws Exception {
        long start = System.nanoTime();
        String id = field(post("/api/backtests", "{\"asOf\": \"" + asOf.minusMonths(3) + "\", \"horizonMonths\": 3}"), "id");
        long deadline = start + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        while (true) {
            Thread.sleep(500);
            String backtest = get("/api/backtests/" + id);
            if (backtest.contains("\"status\":\"COMPLETED\"")) {
                break;
            }
            if (backtest.contains("\"status\":\"FAILED\"") || System.nanoTime() > deadline || !service.isAlive()) {
                throw new IllegalStateException("backtest did not complete: " + backtest);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "backtest of the same customers: %.1f s%n", seconds);
        return seconds;
    }

    /** The plain SQL scan: reads every row the run reads (customers, 24 months of sales, invoices, orders) once. */
    private static double scan(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            // the sums are used, so the planner cannot drop the joins
            count(statement, "SELECT COUNT(*) + SUM(s.sales) * 0 + SUM(i.open) * 0 + SUM(o.orders) * 0 FROM customers c "
                    + "LEFT JOIN (SELECT customer_id, SUM(amount) AS sales FROM sales_history GROUP BY customer_id) s ON s.customer_id = c.id "
                    + "LEFT JOIN (SELECT customer_id, SUM(amount - paid_amount) AS open FROM invoices GROUP BY customer_id) i ON i.customer_id = c.id "
                    + "LEFT JOIN (SELECT customer_id, SUM(amount) AS orders FROM sales_orders GROUP BY customer_id) o ON o.customer_id = c.id");
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static boolean loaded(String db, String url, int customers) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            return count(statement, "SELECT COUNT(*) FROM bench_loaded WHERE customers = " + customers) == 1;
        } catch (Exception notLoaded) {
            return false;
        }
    }

    private static void recreate(String db) throws Exception {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + db);
        }
    }

    /** COPY in batches of 10,000 customers; the generator gives the same customer for the same index. */
    private void load(String url, int customers) throws Exception {
        DemoDataGenerator generator = new DemoDataGenerator(SEED, asOf, 24, INVOICES_PER_CUSTOMER);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement statement = connection.createStatement()) {
                // the generated values, so that every benchmark run starts from the same customers
                statement.execute("ALTER TABLE customers ADD COLUMN generated_limit NUMERIC(19, 2), "
                        + "ADD COLUMN generated_class VARCHAR(1), ADD COLUMN generated_terms INTEGER");
                statement.execute("ALTER TABLE sales_history SET (autovacuum_enabled = false)");
            }
            DemoCopyLoader.load(connection, generator, customers, YearMonth.from(asOf).minusMonths(1), loaded -> {
                if ((loaded / 10_000) % 10 == 0) {
                    System.out.printf("  %d customers loaded%n", loaded);
                }
            });
            try (Statement statement = connection.createStatement()) {
                statement.execute("UPDATE customers SET generated_limit = credit_limit, generated_class = risk_class, "
                        + "generated_terms = payment_terms_days");
                statement.execute("ALTER TABLE sales_history SET (autovacuum_enabled = true)");
                statement.execute("VACUUM ANALYZE");
                statement.execute("CREATE TABLE bench_loaded (customers INTEGER)");
                statement.execute("INSERT INTO bench_loaded VALUES (" + customers + ")");
            }
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getBigDecimal(1).longValue();
        }
    }

    private Process start(String url, int customers, Alerts alerts) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dquarkus.http.port=" + PORT,
                "-Dquarkus.datasource.jdbc.url=" + url,
                "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.category.\"io.salesrisk\".level=INFO",
                "-Dsalesrisk.demo.enabled=false",
                "-Dsalesrisk.reevaluation.schedule=off",
                "-Dsalesrisk.benchmark.bypass-alerts=" + (alerts == Alerts.SKIPPED),
                "-Dsalesrisk.security.users.bench.password-hash=" + BcryptUtil.bcryptHash(PASSWORD, 10),
                "-Dsalesrisk.security.users.bench.roles=sales,risk-officer",
                "-jar", JAR));
        Path log = Path.of("target", "bench-reevaluation-" + customers + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(60, TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor();
        }
    }

    private void waitUntilReady(Process service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited; see target/bench-reevaluation-*.log");
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become ready in 180 s");
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).header("Authorization", auth)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    /** Samples the service's used heap from its Prometheus metrics while the run goes on. */
    private final class HeapSampler extends Thread {
        volatile long maxUsedMb;

        @Override
        public void run() {
            Pattern heap = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");
            while (!isInterrupted()) {
                try {
                    Matcher matcher = heap.matcher(get("/q/metrics"));
                    double used = 0;
                    while (matcher.find()) {
                        used += Double.parseDouble(matcher.group(1));
                    }
                    maxUsedMb = Math.max(maxUsedMb, Math.round(used / 1024 / 1024));
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the next sample
                }
            }
        }
    }

    private static String alertOverhead(List<Result> raised, List<Result> skipped) {
        double with = raised.stream().mapToDouble(Result::runSeconds).average().orElseThrow();
        double without = skipped.stream().mapToDouble(Result::runSeconds).average().orElseThrow();
        Result first = raised.get(0);
        return String.format(Locale.ROOT, "Alert creation, %d customers: %d alerts and %d outbox events per run (without:"
                        + " %d, the plans' alerts of the finishing step); runs without, with, with, without: %.1f s, %.1f s,"
                        + " %.1f s, %.1f s; with/without %.3fx (budget 1.10x)%n", first.customers(), first.alerts(),
                first.outboxEvents(), skipped.get(0).alerts(), skipped.get(0).runSeconds(), raised.get(0).runSeconds(),
                raised.get(1).runSeconds(), skipped.get(1).runSeconds(), with / without);
    }

    private static String report(List<Result> results) {
        StringBuilder out = new StringBuilder("Re-evaluation of all customers, 2 workers, -Xmx1g, PostgreSQL on the same machine\n");
        out.append(String.format(Locale.ROOT, "%-10s %10s %10s %9s %9s %10s %10s %8s %10s%n", "customers", "sales rows",
                "invoices", "run s", "scan s", "run/scan", "cust./s", "failed", "heap MB"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%-10d %10d %10d %9.1f %9.1f %10.1f %10.0f %8d %10d%n", r.customers(),
                    r.sales(), r.invoices(), r.runSeconds(), r.scanSeconds(), r.runSeconds() / r.scanSeconds(), r.rate(),
                    r.failed(), r.heapMaxUsedMb()));
        }
        for (Result r : results) {
            if (r.backtestSeconds() >= 0) {
                out.append(String.format(Locale.ROOT, "backtest of the %d customers (as of 3 months back, 3-month horizon): "
                        + "%.1f s = %.2fx the run%n", r.customers(), r.backtestSeconds(), r.backtestSeconds() / r.runSeconds()));
            }
        }
        if (results.size() > 1) {
            Result small = results.get(0);
            Result large = results.get(results.size() - 1);
            out.append(String.format(Locale.ROOT, "%dx the customers took %.1fx the time (%.2f of linear)%n",
                    large.customers() / small.customers(), large.runSeconds() / small.runSeconds(),
                    (large.runSeconds() / small.runSeconds()) / ((double) large.customers() / small.customers())));
        }
        return out.toString();
    }
}
