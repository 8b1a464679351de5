package io.salesrisk.hold.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The held-order measures on {@code /q/metrics}: holds opened (by outcome), closed (by how), re-holds after a
 * release, the time from hold to decision, and the open holds by outcome (refreshed by the worklist feature from
 * the database, since other instances open holds too).
 */
@ApplicationScoped
public class HoldMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> openByOutcome = new ConcurrentHashMap<>();
    private final Timer timeToDecision;
    private final Counter reholds;

    public HoldMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.timeToDecision = Timer.builder("salesrisk.holds.time.to.decision")
                .description("from the hold to the officer's release or rejection").publishPercentiles(0.5, 0.9)
                .register(registry);
        this.reholds = registry.counter("salesrisk.holds.reholds");
        for (String outcome : new String[]{"REVIEW", "BLOCK"}) {
            AtomicLong value = new AtomicLong();
            openByOutcome.put(outcome, value);
            Gauge.builder("salesrisk.holds.open", value, AtomicLong::get).tag("outcome", outcome)
                    .description("open holds").register(registry);
        }
    }

    void opened(String outcome, boolean rehold) {
        registry.counter("salesrisk.holds.opened", "outcome", outcome).increment();
        if (rehold) {
            reholds.increment();
        }
    }

    public void closed(HoldStatus how) {
        registry.counter("salesrisk.holds.closed", "resolution", how.name()).increment();
    }

    /** An officer released or rejected a hold that had waited {@code waited}. */
    public void decided(HoldStatus how, Duration waited) {
        closed(how);
        timeToDecision.record(waited);
    }

    public void openHolds(String outcome, long count) {
        openByOutcome.computeIfAbsent(outcome, o -> new AtomicLong()).set(count);
    }
}
