package io.salesrisk.webhook.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook measures on {@code /q/metrics}: attempts by result ({@code salesrisk_webhook_deliveries_total}), the lag
 * from the outbox event to its delivery, the outbox events not fanned out yet and the deliveries waiting (both read
 * from the database by the fan-out, since other instances work on them too).
 */
@ApplicationScoped
public class WebhookMetrics {

    private final Map<String, Counter> results;
    private final Timer lag;
    private final AtomicLong outboxDepth = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();

    public WebhookMetrics(MeterRegistry registry) {
        this.results = Map.of("delivered", counter(registry, "delivered"), "retry", counter(registry, "retry"),
                "failed", counter(registry, "failed"), "gone", counter(registry, "gone"));
        this.lag = Timer.builder("salesrisk.webhook.delivery.lag")
                .description("from the outbox event's creation to its delivery to a subscriber")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("salesrisk.outbox.depth", outboxDepth, AtomicLong::get)
                .description("outbox events not fanned out to webhook subscribers yet").register(registry);
        Gauge.builder("salesrisk.webhook.deliveries.pending", pending, AtomicLong::get)
                .description("webhook deliveries waiting for an attempt").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("salesrisk.webhook.deliveries").tag("result", result)
                .description("webhook delivery attempts by result").register(registry);
    }

    void attempt(String result) {
        results.get(result).increment();
    }

    void delivered(Duration sinceEvent) {
        attempt("delivered");
        lag.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }

    void backlog(long depth, long waiting) {
        outboxDepth.set(depth);
        pending.set(waiting);
    }
}
