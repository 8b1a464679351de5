package io.salesrisk.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/worklist} over loopback against the packaged service on PostgreSQL with 100,000 open and
 * 1,000,000 closed holds: a few hundred orders are held through {@code POST /api/orders/evaluate} (real decisions,
 * facts and reasons), then the bulk of the holds is generated in SQL from them. Each query shape (the default page
 * with its counts and approval hints, other sorts, filters, a deep page) is asked {@code bench.requests} times in a
 * row by one client; p50/p99 are reported, with a cheap authenticated GET as the HTTP baseline. The counts of a
 * filter are reused for {@code salesrisk.holds.counts-max-age} (5 s), as in production; one shape asks a new filter
 * every time, so its counts are always taken afresh.
 * Needs {@code ./mvnw package} first and PostgreSQL on 127.0.0.1:5432; bounded in time (about four minutes).
 */
public final class WorklistBenchmark {

    private static final String DB = "salesrisk_bench_worklist";
    private static final int PORT = Integer.getInteger("bench.port", 18182);
    private static final int OPEN = Integer.getInteger("bench.open-holds", 100_000);
    private static final int CLOSED = Integer.getInteger("bench.closed-holds", 1_000_000);
    private static final int REAL = Integer.getInteger("bench.real-holds", 300);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 300);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String auth = BenchService.basicAuth();
    /** The desk's session cookie, once signed in through the login form. */
    private String session;

    public static void main(String[] args) throws Exception {
        BenchService.requireJar();
        new WorklistBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        BenchService.recreateDatabase(DB);
        Path log = Path.of("target", "bench-service-worklist.log");
        Process service = BenchService.start(PORT, BenchService.databaseUrl(DB), "sales,risk-officer", log,
                "salesrisk.demo.enabled=true", "salesrisk.demo.customers=2000", "salesrisk.reevaluation.schedule=off");
        try {
            BenchService.waitUntilReady(service, http, PORT, log, 120);
            for (int i = 0; i < REAL; i++) {
                String body = """
                        {"orderId":"HELD-%d","customerId":"C%06d","amount":%d,"currency":"EUR","orderDate":"2026-11-27",
                         "paymentTermsDays":30,"discountPercent":0,"contractSigned":true,"salesRep":"rep-%02d"}"""
                        .formatted(i, 1 + i * 7 % 2000, 3_000_000 + i * 1000, i % 20);
                HttpResponse<String> answer = post("/api/orders/evaluate", body);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("evaluate answered " + answer.statusCode() + ": " + answer.body());
                }
            }
            long generating = System.nanoTime();
            generate();
            System.out.printf(Locale.ROOT, "generated %,d open and %,d closed holds in %.1f s%n", OPEN, CLOSED,
                    (System.nanoTime() - generating) / 1e9);
            String rule = firstHoldingRule();
            Map<String, String> shapes = new LinkedHashMap<>();
            shapes.put("baseline: GET /api/rulesets/active", "/api/rulesets/active");
            shapes.put("oldest first, 25 rows, counts and hints", "/api/worklist");
            shapes.put("largest amount over limit first", "/api/worklist?sort=OVER_LIMIT&direction=desc");
            shapes.put("largest amount first, no hints", "/api/worklist?sort=AMOUNT&direction=desc&hints=false");
            shapes.put("segment SMB, outcome BLOCK", "/api/worklist?segment=SMB&outcome=BLOCK");
            shapes.put("holding rule " + rule, "/api/worklist?holdingRule=" + java.net.URLEncoder.encode(rule, java.nio.charset.StandardCharsets.UTF_8));
            shapes.put("page 200 of 25 (offset 5,000)", "/api/worklist?page=200");
            shapes.put("100 rows", "/api/worklist?size=100");
            // a filter asked for the first time: its counts are taken afresh (a scan of the open holds)
            shapes.put("a new filter each request (counts afresh)", "/api/worklist?salesRep=rep-%d");
            // the risk desk's worklist page: the same query rendered as HTML with a signed-in session
            shapes.put("desk page: oldest first, 25 rows", "/desk/worklist");
            shapes.put("desk page: 100 rows, largest over limit", "/desk/worklist?size=100&sort=OVER_LIMIT&direction=desc");
            shapes.put("desk page: page 200 of 25", "/desk/worklist?page=200");
            session = signIn();
            Map<String, double[]> results = new LinkedHashMap<>();
            for (var shape : shapes.entrySet()) {
                results.put(shape.getKey(), measure(shape.getValue()));
            }
            double[] baseline = results.values().iterator().next();
            System.out.printf(Locale.ROOT, "%n%-48s %10s %10s %10s%n", "query", "p50 ms", "p99 ms", "p99/base");
            double worstP99 = 0;
            for (var result : results.entrySet()) {
                double[] r = result.getValue();
                System.out.printf(Locale.ROOT, "%-48s %10.2f %10.2f %10.1f%n", result.getKey(), r[0], r[1], r[1] / baseline[1]);
                if (result.getValue() != baseline) {
                    worstP99 = Math.max(worstP99, r[1]);
                }
            }
            double[] main = results.get("oldest first, 25 rows, counts and hints");
            double[] desk = results.get("desk page: oldest first, 25 rows");
            double[] desk100 = results.get("desk page: 100 rows, largest over limit");
            System.out.printf(Locale.ROOT, "RESULT desk worklist page: %,d open holds: 25 rows p50 %.2f ms, p99 %.2f ms; 100 rows p99 %.2f ms (target 300 ms); desk page p99 / JSON API p99 %.1fx%n",
                    OPEN, desk[0], desk[1], desk100[1], desk[1] / main[1]);
            System.out.printf(Locale.ROOT, "RESULT worklist: %,d open / %,d closed holds: default page p50 %.2f ms, p99 %.2f ms; worst shape p99 %.2f ms (target 50 ms); default p99 / baseline GET p99 %.1fx%n",
                    OPEN, CLOSED, main[0], main[1], worstP99, main[1] / baseline[1]);
        } finally {
            BenchService.stop(service, 20);
        }
    }

    /** Bulk holds made from the real ones: same decisions, reasons and customers, spread over 30 days. */
    private void generate() throws Exception {
        try (Connection db = DriverManager.getConnection(BenchService.databaseUrl(DB), "postgres", "");
             Statement sql = db.createStatement()) {
            int total = OPEN + CLOSED;
            sql.execute("""
                    CREATE TEMP TABLE real_holds AS SELECT row_number() OVER (ORDER BY opened_at) AS n, h.* FROM holds h""");
            int real;
            try (var rows = sql.executeQuery("SELECT count(*) FROM real_holds")) {
                rows.next();
                real = rows.getInt(1);
            }
            if (real == 0) {
                throw new IllegalStateException("no evaluated order was held");
            }
            sql.execute("""
                    INSERT INTO sales_orders (id, customer_id, amount, currency, original_amount, order_date, payment_terms_days,
                      discount_percent, contract_signed, sales_rep, status, updated_at, entered_by)
                    SELECT 'GEN-' || g, r.customer_id, r.amount + g, 'EUR', r.amount + g, DATE '2026-11-01', 30, 0, TRUE,
                      r.sales_rep, CASE WHEN g > %1$d THEN 'RELEASED' WHEN r.outcome = 'BLOCK' THEN 'BLOCKED' ELSE 'IN_REVIEW' END,
                      now(), 'bench'
                    FROM generate_series(1, %2$d) g JOIN real_holds r ON r.n = 1 + g %% %3$d""".formatted(OPEN, total, real));
            sql.execute("""
                    INSERT INTO holds (id, order_id, open_order_id, is_open, status, customer_id, customer_name, segment, region,
                      risk_class, sales_rep, decision_id, outcome, holding_rules, reasons, amount, exposure, credit_limit,
                      amount_over_limit, rehold, opened_at, ready_to_release, expiry_handled, updated_at, closed_at, closed_by,
                      resolution_code)
                    SELECT gen_random_uuid(), 'GEN-' || g, CASE WHEN g <= %1$d THEN 'GEN-' || g END, g <= %1$d,
                      CASE WHEN g <= %1$d THEN 'OPEN' ELSE 'RELEASED' END, r.customer_id, r.customer_name, r.segment, r.region,
                      r.risk_class, r.sales_rep, r.decision_id, r.outcome, r.holding_rules, r.reasons, r.amount + g, r.exposure,
                      r.credit_limit, r.amount_over_limit + g, FALSE,
                      now() - ((g::bigint * 7919) %% 2592000) * INTERVAL '1 second', FALSE, TRUE, now(),
                      CASE WHEN g > %1$d THEN now() END, CASE WHEN g > %1$d THEN 'bench' END,
                      CASE WHEN g > %1$d THEN 'CUSTOMER_PAID' END
                    FROM generate_series(1, %2$d) g JOIN real_holds r ON r.n = 1 + g %% %3$d""".formatted(OPEN, total, real));
            sql.execute("ANALYZE holds");
            sql.execute("ANALYZE sales_orders");
        }
    }

    private String firstHoldingRule() throws Exception {
        try (Connection db = DriverManager.getConnection(BenchService.databaseUrl(DB), "postgres", "");
             Statement sql = db.createStatement();
             var rows = sql.executeQuery("SELECT holding_rules FROM holds WHERE order_id = 'HELD-0'")) {
            rows.next();
            return rows.getString(1).split("\\|")[1];
        }
    }

    /**
     * p50 and p99 in ms of {@link #REQUESTS} requests after a warm-up of the same number; a {@code %d} in the path
     * is the request's number, so that every request asks for a filter not asked before.
     */
    private double[] measure(String pattern) throws Exception {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        for (int i = 0; i < 2 * REQUESTS; i++) {
            String path = pattern.contains("%d") ? pattern.formatted(1_000_000 + i) : pattern;
            long start = System.nanoTime();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path));
            if (path.startsWith("/desk")) {
                request.header("Cookie", session);
            } else {
                request.header("Authorization", auth);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            if (i >= REQUESTS) {
                histogram.recordValue(took);
            }
        }
        return new double[]{histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6};
    }

    /** Signs in through the desk's login form and returns the session cookie ("salesrisk-session=..."). */
    private String signIn() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + BenchService.USER + "&j_password=" + BenchService.PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("salesrisk-session="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the desk's login answered " + answer.statusCode() + " without a session"));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
