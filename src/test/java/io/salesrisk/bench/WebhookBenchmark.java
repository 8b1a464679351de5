package io.salesrisk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.facts.Severity;
import io.salesrisk.testsupport.WebhookReceiver;
import io.salesrisk.webhook.service.WebhookConfig;
import io.salesrisk.webhook.service.WebhookInstance;
import io.salesrisk.webhook.service.WebhookWorkers;
import jakarta.inject.Inject;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook delivery under a burst: {@code bench.webhook.alerts} (10,000) alerts raised through AlertService.raise in
 * batches of 500 as fast as they commit, with one webhook instance (fan-out plus the configured delivery workers)
 * delivering to one local receiver on loopback; reports the delivery rate (first raise to last arrival) and the lag
 * from the outbox event's creation to its arrival at the receiver (p50, p99, max). Not a unit test (not matched by
 * surefire's *Test pattern); bounded at five minutes; run alone:
 * {@code ./mvnw -o test -Dtest=WebhookBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (PostgreSQL as for the tests).
 */
@QuarkusTest
class WebhookBenchmark {

    private static final int ALERTS = Integer.getInteger("bench.webhook.alerts", 10_000);
    private static final int BATCH = 500;

    @Inject
    AlertService alerts;
    @Inject
    WebhookWorkers workers;
    @Inject
    WebhookConfig config;
    @Inject
    ObjectMapper mapper;

    @Test
    void deliverABurstOfAlerts() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = riskOfficer().body("{\"url\": \"" + receiver.url("/bench") + "\"}").post("/api/webhooks")
                    .then().statusCode(201).extract().path("id");
            WebhookInstance instance = new WebhookInstance("bench", workers.parts(), threads);
            instance.start();
            String type = uniqueId("BENCH");

            Instant start = Instant.now();
            for (int from = 0; from < ALERTS; from += BATCH) {
                int first = from;
                List<NewAlert> batch = IntStream.range(first, Math.min(ALERTS, first + BATCH)).mapToObj(i -> new NewAlert(
                        type, "CUSTOMER", "C" + i, null, Severity.HIGH, "burst alert " + i, Map.of("n", i), null)).toList();
                QuarkusTransaction.requiringNew().run(() -> alerts.raise(batch, OffsetDateTime.now()));
            }
            Duration raising = Duration.between(start, Instant.now());
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> workers.parts().fanOut().depth() == 0);
            Duration fannedOut = Duration.between(start, Instant.now());
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.distinctIdsWith(type) == ALERTS);
            instance.stop(Duration.ofSeconds(10));

            Map<String, Instant> firstArrival = new HashMap<>();
            Histogram lag = new Histogram(3_600_000L, 3);
            Instant last = start;
            for (WebhookReceiver.Message m : receiver.messagesWith(type)) {
                if (firstArrival.putIfAbsent(m.id(), m.arrivedAt()) == null) {
                    Instant created = Instant.parse(mapper.readTree(m.body()).path("timestamp").asText());
                    lag.recordValue(Math.max(0, Duration.between(created, m.arrivedAt()).toMillis()));
                    last = m.arrivedAt().isAfter(last) ? m.arrivedAt() : last;
                }
            }
            double seconds = Duration.between(start, last).toMillis() / 1000.0;
            String result = String.format(java.util.Locale.ROOT, "RESULT webhooks: %,d alerts raised in %.1f s (batches of %d),"
                            + " fanned out after %.1f s, all delivered to 1 local receiver after %.1f s: %.0f deliveries/s; lag outbox -> receiver"
                            + " p50 %d ms, p99 %d ms, max %d ms; duplicates %d; workers %d, batch size %d",
                    ALERTS, raising.toMillis() / 1000.0, BATCH, fannedOut.toMillis() / 1000.0, seconds, ALERTS / seconds, lag.getValueAtPercentile(50),
                    lag.getValueAtPercentile(99), lag.getMaxValue(), receiver.duplicates(), config.workers(), config.batchSize());
            Log.info(result);
            assertThat(firstArrival).hasSize(ALERTS);
            riskOfficer().delete("/api/webhooks/" + id).then().statusCode(204);
        } finally {
            threads.shutdownNow();
        }
    }
}
