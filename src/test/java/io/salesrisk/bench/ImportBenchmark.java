package io.salesrisk.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why CSV imports write with JDBC batches rather than one Panache entity per row: against the packaged service on
 * PostgreSQL (one service process, database {@value #DB}), measures
 * <ul>
 *   <li>{@code POST /api/import/customers} with {@code bench.import.rows} new customers (default 20,000), the same
 *       file again with changed values (the import upserts, so every row becomes an update), and
 *       {@code POST /api/import/invoices} with one invoice per customer: the wall clock of each HTTP call, and</li>
 *   <li>{@code PUT /api/customers/{id}} for {@code bench.import.single} new customers (default 2,000), one request
 *       after the other and then from {@code bench.import.clients} concurrent clients (default 8): each stores one
 *       Panache entity in its own transaction (and answers with the customer's view, as the API does).</li>
 * </ul>
 * The closing ratio divides the customers import's rows/s (new rows) by the PUTs' rows/s on the concurrent clients.
 * A small import and a few hundred PUTs run first as warm-up and are not counted.
 *
 * <p>Needs {@code ./mvnw package} first and PostgreSQL on 127.0.0.1:5432; bounded in time (under a minute on 2 cores
 * besides the service's start; every HTTP call has a timeout, and the whole run gives up after
 * {@code bench.import.timeout-seconds}).
 */
public final class ImportBenchmark {

    private static final String DB = "salesrisk_import_bench";
    private static final int PORT = Integer.getInteger("bench.port", 18183);
    private static final int ROWS = Integer.getInteger("bench.import.rows", 20_000);
    private static final int SINGLE = Integer.getInteger("bench.import.single", 2_000);
    private static final int CLIENTS = Integer.getInteger("bench.import.clients", 8);
    private static final int WARMUP_ROWS = 2_000;
    private static final int WARMUP_SINGLE = 200;
    private static final long TIMEOUT_SECONDS = Long.getLong("bench.import.timeout-seconds", 150);
    private static final Path LOG = Path.of("target", "bench-import-service.log");
    private static final String[] SEGMENTS = {"ENTERPRISE", "MIDMARKET", "SMB", "PUBLIC"};
    private static final String[] RISK_CLASSES = {"A", "B", "C", "D", "E"};
    private static final String[] RATINGS = {"AAA", "AA", "A", "BBB", "BB", "B", "CCC", ""};
    private static final String[] REGIONS = {"DACH", "Benelux", "Nordics", "France", "Iberia", "UK", "Italy", "CEE"};
    private static final String[] INDUSTRIES = {"Manufacturing", "Retail", "Logistics", "Construction", "Healthcare",
            "Public sector", "Energy", "Software"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth = BenchService.basicAuth();
    private final LocalDate today = LocalDate.now();
    private final long deadline = System.nanoTime() + Duration.ofSeconds(TIMEOUT_SECONDS).toNanos();

    /** One timed import: rows written in {@code seconds}, as the service counted them. */
    record Imported(int rows, int created, int updated, double seconds) {
        double rate() {
            return rows / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchService.requireJar();
        BenchService.recreateDatabase(DB);
        ImportBenchmark benchmark = new ImportBenchmark();
        Process service = BenchService.start(PORT, BenchService.databaseUrl(DB), "risk-officer", LOG,
                "salesrisk.demo.enabled=false",
                "salesrisk.reevaluation.schedule=off");
        try {
            BenchService.waitUntilReady(service, benchmark.http, PORT, LOG, 120);
            benchmark.run();
        } finally {
            BenchService.stop(service, 20);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        // warm-up, not counted: the same code paths on a tenth of the rows
        importCsv("customers", customersCsv("W", WARMUP_ROWS, 0), WARMUP_ROWS, 0);
        importCsv("customers", customersCsv("W", WARMUP_ROWS, 1), 0, WARMUP_ROWS);
        importCsv("invoices", invoicesCsv("W", WARMUP_ROWS), WARMUP_ROWS, 0);
        putCustomers("WP1-", WARMUP_SINGLE, 1);
        putCustomers("WP8-", WARMUP_SINGLE, CLIENTS);

        Imported customers = importCsv("customers", customersCsv("C", ROWS, 0), ROWS, 0);
        Imported updated = importCsv("customers", customersCsv("C", ROWS, 1), 0, ROWS);
        Imported invoices = importCsv("invoices", invoicesCsv("C", ROWS), ROWS, 0);
        double sequential = putCustomers("P1-", SINGLE, 1);
        double concurrent = putCustomers("P8-", SINGLE, CLIENTS);

        long expected = WARMUP_ROWS + 2L * WARMUP_SINGLE + ROWS + 2L * SINGLE;
        long stored = count("SELECT COUNT(*) FROM customers");
        if (stored != expected) {
            throw new IllegalStateException(stored + " customers stored, " + expected + " expected");
        }
        System.out.printf(Locale.ROOT, "RESULT import: customers %d rows in %.2f s = %,.0f rows/s (update %,.0f rows/s); "
                        + "invoices %d rows in %.2f s = %,.0f rows/s; one PUT per customer: %,.0f rows/s on 1 client, "
                        + "%,.0f rows/s on %d clients; bulk / row by row: %.1fx%n",
                customers.rows(), customers.seconds(), customers.rate(), updated.rate(),
                invoices.rows(), invoices.seconds(), invoices.rate(), sequential, concurrent, CLIENTS,
                customers.rate() / concurrent);
    }

    /** Posts one CSV file and checks that the service created and updated the expected numbers of rows. */
    private Imported importCsv(String kind, String csv, int created, int updated) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/import/" + kind))
                .header("Authorization", auth).header("Content-Type", "text/csv")
                .timeout(remaining())
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/import/" + kind + ": " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
        Imported imported = new Imported(number(response.body(), "rows"), number(response.body(), "created"),
                number(response.body(), "updated"), seconds);
        if (imported.rows() != created + updated || imported.created() != created || imported.updated() != updated) {
            throw new IllegalStateException("POST /api/import/" + kind + " wrote " + response.body() + ", expected "
                    + created + " created and " + updated + " updated");
        }
        return imported;
    }

    /**
     * PUTs {@code count} new customers {@code prefix}000001... from {@code clients} threads, each sending its next
     * request when the previous one was answered; returns customers stored per second.
     */
    private double putCustomers(String prefix, int count, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(prefix.hashCode());
                for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                    try {
                        put(String.format(Locale.ROOT, "%s%06d", prefix, i + 1), random);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "put-client-" + c);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(Math.max(1, remaining().toMillis()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("PUT " + prefix + "...: " + failure.get().getMessage(), failure.get());
        }
        if (threads.stream().anyMatch(Thread::isAlive)) {
            throw new IllegalStateException("the PUTs did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return count / seconds;
    }

    private void put(String id, SplittableRandom random) throws Exception {
        String rating = RATINGS[random.nextInt(RATINGS.length)];
        String body = """
                {"name":"Customer %s","segment":"%s","region":"%s","industry":"%s","yearsInBusiness":%d,\
                "externalRating":%s,"riskClass":"%s","creditLimit":%s,"paymentTermsDays":%d}"""
                .formatted(id, SEGMENTS[random.nextInt(SEGMENTS.length)], REGIONS[random.nextInt(REGIONS.length)],
                        INDUSTRIES[random.nextInt(INDUSTRIES.length)], random.nextInt(80),
                        rating.isEmpty() ? "null" : "\"" + rating + "\"", RISK_CLASSES[random.nextInt(RISK_CLASSES.length)],
                        BigDecimal.valueOf(1_000L * (5 + random.nextInt(500))), 15 * (1 + random.nextInt(6)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/customers/" + id))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + abbreviate(response.body()));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("gave up after " + TIMEOUT_SECONDS + " s");
        }
    }

    /**
     * customers.csv with ids {@code prefix}000001...; {@code version} 1 changes every row's name, limit, class and
     * terms, so importing it after version 0 updates every row.
     */
    private static String customersCsv(String prefix, int rows, int version) {
        SplittableRandom random = new SplittableRandom(11 + version);
        StringBuilder csv = new StringBuilder(rows * 110);
        csv.append("id,name,segment,region,industry,years_in_business,external_rating,risk_class,credit_limit,payment_terms_days\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append(String.format(Locale.ROOT, "%06d", i)).append(',')
                    .append(version == 0 ? "Customer " : "Renamed customer ").append(prefix).append(i).append(',')
                    .append(SEGMENTS[random.nextInt(SEGMENTS.length)]).append(',')
                    .append(REGIONS[random.nextInt(REGIONS.length)]).append(',')
                    .append(INDUSTRIES[random.nextInt(INDUSTRIES.length)]).append(',')
                    .append(random.nextInt(80)).append(',')
                    .append(RATINGS[random.nextInt(RATINGS.length)]).append(',')
                    .append(RISK_CLASSES[random.nextInt(RISK_CLASSES.length)]).append(',')
                    .append(1_000L * (5 + random.nextInt(500))).append(".00,")
                    .append(15 * (1 + random.nextInt(6))).append('\n');
        }
        return csv.toString();
    }

    /** invoices.csv: one invoice per customer {@code prefix}000001..., open, partly or fully paid. */
    private String invoicesCsv(String prefix, int rows) {
        SplittableRandom random = new SplittableRandom(23);
        StringBuilder csv = new StringBuilder(rows * 80);
        csv.append("id,customer_id,issue_date,due_date,amount,paid_amount,paid_date\n");
        for (int i = 1; i <= rows; i++) {
            LocalDate issued = today.minusDays(61 + random.nextInt(300));
            long amount = 100L * (1 + random.nextInt(2_000));
            csv.append("INV-").append(prefix).append(String.format(Locale.ROOT, "%06d", i)).append(',')
                    .append(prefix).append(String.format(Locale.ROOT, "%06d", i)).append(',')
                    .append(issued).append(',').append(issued.plusDays(30)).append(',')
                    .append(amount).append(".00,");
            switch (i % 3) {
                case 0 -> csv.append(',');
                case 1 -> csv.append(amount).append(".00,").append(issued.plusDays(random.nextInt(60)));
                default -> csv.append(amount / 2).append(".00,").append(issued.plusDays(random.nextInt(30)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(BenchService.databaseUrl(DB), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private Duration remaining() {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new IllegalStateException("gave up after " + TIMEOUT_SECONDS + " s");
        }
        return Duration.ofNanos(nanos);
    }

    private static int number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + abbreviate(json));
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
