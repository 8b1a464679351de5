package io.salesrisk.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code POST /api/orders/evaluate} over loopback against the packaged service on PostgreSQL: every request
 * evaluates a new order and persists it with its decision. Runs the service twice, once as shipped and once with
 * {@code salesrisk.benchmark.bypass-engine=true}, once more without writing holds
 * ({@code salesrisk.benchmark.bypass-holds=true}: what the held-order records cost), and measures in each
 * <ul>
 *   <li>throughput with 64 concurrent clients (closed loop), and</li>
 *   <li>p50/p99 latency at a fixed 500 requests/s (open loop, measured from the intended send time so that
 *       queueing is not hidden).</li>
 * </ul>
 * Needs {@code ./mvnw package} first and PostgreSQL on 127.0.0.1:5432; bounded in time (about five minutes).
 */
public final class EndpointBenchmark {

    private static final String DB = System.getProperty("bench.db", "salesrisk_bench");
    /** Only the shipped service and the one without the per-rule firing rows (what decision_rule_firings costs). */
    private static final boolean FIRINGS_ONLY = Boolean.getBoolean("bench.firings-only");
    private static final int PORT = Integer.getInteger("bench.port", 18181);
    /** Each service of a run gets the next port: one that is still closing never blocks the next. */
    private int port = PORT - 1;
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 2000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 64);
    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final long SECONDS = Long.getLong("bench.seconds", 30);
    private static final long WARMUP_SECONDS = Long.getLong("bench.warmup", 75);

    /** Vert.x's client on one event loop: light enough that the load generator does not starve the service. */
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(CLIENTS)
            .setKeepAlive(true).setConnectTimeout(5000));
    private final java.net.http.HttpClient probe = java.net.http.HttpClient.newHttpClient();
    private final String auth = BenchService.basicAuth();
    private final AtomicLong orderNumber = new AtomicLong();

    record Result(String mode, double throughput, long throughputErrors, double p50, double p99, double max,
                  double achievedRate, long rateErrors, String replay, String held) {
    }

    public static void main(String[] args) throws Exception {
        BenchService.requireJar();
        EndpointBenchmark benchmark = new EndpointBenchmark();
        if (FIRINGS_ONLY) {
            firingsCost(benchmark);
            System.exit(0);
        }
        // the first service of a run measures lower than the next ones on this machine: the shipped service runs
        // first and last, and each ratio uses the mean of both
        Result withEngine = benchmark.measure("engine", false, false);
        Result bypassed = benchmark.measure("engine skipped", true, false);
        Result noHolds = benchmark.measure("holds skipped", false, true);
        Result noFirings = benchmark.measure("firings skipped", false, false, true);
        Result again = benchmark.measure("engine (again)", false, false);
        double shipped = (withEngine.throughput() + again.throughput()) / 2;
        System.out.printf(Locale.ROOT, "%n%-16s %12s %8s %10s %10s %10s %10s%n", "mode", "orders/s", "errors",
                "p50 ms", "p99 ms", "max ms", "at rate/s");
        for (Result r : List.of(withEngine, bypassed, noHolds, noFirings, again)) {
            System.out.printf(Locale.ROOT, "%-16s %,12.0f %8d %10.2f %10.2f %10.2f %10.0f%n", r.mode(), r.throughput(),
                    r.throughputErrors() + r.rateErrors(), r.p50(), r.p99(), r.max(), r.achievedRate());
        }
        System.out.printf(Locale.ROOT, "RESULT endpoint: %.0f evaluated and persisted orders/s with %d clients; p50 %.2f ms, p99 %.2f ms at %d requests/s%n",
                shipped, CLIENTS, withEngine.p50(), withEngine.p99(), RATE);
        System.out.printf(Locale.ROOT, "RESULT endpoint / endpoint with the engine skipped: %.2fx throughput, %.2fx p50, %.2fx p99%n",
                shipped / bypassed.throughput(), withEngine.p50() / bypassed.p50(), withEngine.p99() / bypassed.p99());
        System.out.printf(Locale.ROOT, "RESULT endpoint / endpoint without writing holds: %.2fx throughput (holds opened for the held orders in the same transaction)%n",
                shipped / noHolds.throughput());
        System.out.printf(Locale.ROOT, "RESULT endpoint / endpoint without the per-rule firing rows: %.2fx throughput%n",
                shipped / noFirings.throughput());
        System.out.println("RESULT holds: " + withEngine.held());
        System.out.println("RESULT simulation: " + withEngine.replay());
        System.exit(0);
    }

    /**
     * The shipped service and the one without firing rows, alternating for {@code bench.rounds} rounds (2), so that
     * load from elsewhere on the machine falls on both alike: the cost of decision_rule_firings.
     */
    private static void firingsCost(EndpointBenchmark benchmark) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 2);
        List<Result> with = new java.util.ArrayList<>();
        List<Result> without = new java.util.ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            with.add(benchmark.measure("engine " + round, false, false));
            without.add(benchmark.measure("firings skipped " + round, false, false, true));
        }
        for (int i = 0; i < rounds; i++) {
            for (Result r : List.of(with.get(i), without.get(i))) {
                System.out.printf(Locale.ROOT, "%-18s %,12.0f orders/s %8d errors, p50 %.2f ms, p99 %.2f ms at %.0f/s%n",
                        r.mode(), r.throughput(), r.throughputErrors() + r.rateErrors(), r.p50(), r.p99(), r.achievedRate());
            }
        }
        double shipped = with.stream().mapToDouble(Result::throughput).average().orElseThrow();
        double skipped = without.stream().mapToDouble(Result::throughput).average().orElseThrow();
        System.out.printf(Locale.ROOT, "RESULT endpoint / endpoint without the per-rule firing rows: %.2fx throughput"
                + " (mean of %d rounds: %.0f vs %.0f orders/s)%n", shipped / skipped, rounds, shipped, skipped);
        System.out.println("RESULT firings: " + with.get(0).held());
    }

    private Result measure(String mode, boolean bypassEngine, boolean bypassHolds) throws Exception {
        return measure(mode, bypassEngine, bypassHolds, false);
    }

    private Result measure(String mode, boolean bypassEngine, boolean bypassHolds, boolean bypassFirings) throws Exception {
        BenchService.recreateDatabase(DB);
        port++;
        Path log = Path.of("target", "bench-service-" + mode.replaceAll("\\W+", "-") + ".log");
        Process service = BenchService.start(port, BenchService.databaseUrl(DB), "sales,risk-officer", log,
                "salesrisk.demo.enabled=true",
                "salesrisk.demo.customers=" + CUSTOMERS,
                "salesrisk.benchmark.bypass-engine=" + bypassEngine,
                "salesrisk.benchmark.bypass-holds=" + bypassHolds,
                "salesrisk.benchmark.bypass-firings=" + bypassFirings);
        try {
            BenchService.waitUntilReady(service, probe, port, log, 120);
            // the JIT needs about a minute of full load on 2 cores before the service reaches steady state
            closedLoop(WARMUP_SECONDS);
            long[] errors = new long[1];
            double throughput = closedLoop(SECONDS, errors);
            Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
            long[] rateErrors = new long[1];
            double achieved = openLoop(SECONDS, latency, rateErrors);
            String held = bypassHolds || bypassEngine ? "" : heldShare();
            String replay = bypassEngine || bypassHolds || bypassFirings || FIRINGS_ONLY || mode.contains("again") ? null : replay();
            return new Result(mode, throughput, errors[0], latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6, achieved, rateErrors[0], replay, held);
        } finally {
            BenchService.stop(service, 20);
        }
    }

    /**
     * Uploads a candidate (class C's maximum order value lowered) and simulates it on every decision stored by the
     * run: the stored fact snapshots are replayed through the active and the candidate rule set.
     */
    private String replay() throws Exception {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("decision-tables/order-credit-checks.xlsx"));
            out.write(io.salesrisk.testsupport.ShippedTables.withCell("OrderValue", "C12", 20000));
            out.closeEntry();
        }
        HttpResponse<String> uploaded = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rulesets"))
                .header("Content-Type", "application/zip").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        String version = uploaded.body().replaceAll("(?s).*\"version\":\"(\\w+)\".*", "$1");
        String today = java.time.LocalDate.now().toString();
        HttpResponse<String> report = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/rulesets/" + version + "/simulate"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .timeout(java.time.Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + today + "\",\"to\":\"" + today + "\",\"limit\":0}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String decisions = report.body().replaceAll("(?s).*\"decisions\":(\\d+).*", "$1");
        String changed = report.body().replaceAll("(?s).*\"changedCount\":(\\d+).*", "$1");
        String millis = report.body().replaceAll("(?s).*\"durationMillis\":(\\d+).*", "$1");
        String rate = report.body().replaceAll("(?s).*\"decisionsPerSecond\":(\\d+).*", "$1");
        return String.format(Locale.ROOT, "%s stored decisions replayed through the active and a candidate rule set in %s ms = %s decisions/s (%s changed)",
                decisions, millis, rate, changed);
    }

    /** How many of the evaluated orders this service run held (open holds over stored decisions). */
    private String heldShare() throws Exception {
        String worklist = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/worklist?size=1&hints=false"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body();
        long holds = Long.parseLong(worklist.replaceAll("(?s)^\\{\"total\":(\\d+).*", "$1"));
        String metrics = probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body();
        double evaluations = metrics.lines().filter(l -> l.startsWith("salesrisk_evaluations_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        return String.format(Locale.ROOT, "%,d of %,.0f evaluated orders held (%.0f %%), each opening a hold with its decision",
                holds, evaluations, 100.0 * holds / evaluations);
    }

    private String nextOrder(SplittableRandom random) {
        long n = orderNumber.incrementAndGet();
        return """
                {"orderId":"BENCH-%d","customerId":"C%06d","amount":%d,"currency":"EUR","orderDate":"2026-11-27",
                 "paymentTermsDays":30,"discountPercent":%d,"contractSigned":%s,"salesRep":"rep-01"}"""
                .formatted(n, 1 + random.nextInt(CUSTOMERS), 500 + random.nextInt(40_000), random.nextInt(20),
                        random.nextDouble() < 0.8);
    }

    /** Sends one order; the future completes with the HTTP status (or fails on a connection error). */
    private Future<Integer> send(String body) {
        return client.request(HttpMethod.POST, port, "127.0.0.1", "/api/orders/evaluate")
                .compose(request -> request.putHeader("Content-Type", "application/json")
                        .putHeader("Authorization", auth)
                        .send(Buffer.buffer(body))
                        .compose(response -> response.body().map(ignored -> response.statusCode())));
    }

    private double closedLoop(long seconds) throws InterruptedException {
        return closedLoop(seconds, new long[1]);
    }

    /** CLIENTS concurrent clients, each sending the next order as soon as the previous one was answered. */
    private double closedLoop(long seconds, long[] errors) throws InterruptedException {
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch finished = new CountDownLatch(CLIENTS);
        SplittableRandom random = new SplittableRandom(1);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            vertx.runOnContext(ignored -> loop(random, end, done, failed, finished));
        }
        finished.await(seconds + 60, TimeUnit.SECONDS);
        errors[0] = failed.sum();
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private void loop(SplittableRandom random, long end, LongAdder done, LongAdder failed, CountDownLatch finished) {
        if (System.nanoTime() >= end) {
            finished.countDown();
            return;
        }
        send(nextOrder(random)).onComplete(result -> {
            (result.succeeded() && result.result() == 200 ? done : failed).increment();
            loop(random, end, done, failed, finished);
        });
    }

    /** Orders sent at a fixed rate whatever the answers; latency counted from when each was due to be sent. */
    private double openLoop(long seconds, Histogram latency, long[] errors) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(99);
        LongAdder failed = new LongAdder();
        long intervalNanos = 1_000_000_000L / RATE;
        long total = seconds * RATE;
        long start = System.nanoTime();
        long[] sent = {0};
        CountDownLatch answered = new CountDownLatch((int) total);
        vertx.setPeriodic(1, timer -> {
            long due = Math.min(total, (System.nanoTime() - start) / intervalNanos + 1);
            while (sent[0] < due) {
                long intended = start + sent[0]++ * intervalNanos;
                send(nextOrder(random)).onComplete(result -> {
                    if (result.succeeded() && result.result() == 200) {
                        latency.recordValue(Math.max(0, System.nanoTime() - intended));
                    } else {
                        failed.increment();
                    }
                    answered.countDown();
                });
            }
            if (sent[0] >= total) {
                vertx.cancelTimer(timer);
            }
        });
        answered.await(seconds + 60, TimeUnit.SECONDS);
        errors[0] = failed.sum();
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
