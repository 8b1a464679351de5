package io.salesrisk.webhook.service;

import io.quarkus.logging.Log;
import io.salesrisk.webhook.persistence.AttemptResult;
import io.salesrisk.webhook.persistence.ClaimedDelivery;
import io.salesrisk.webhook.persistence.DeliveryRepository;
import io.salesrisk.webhook.persistence.DeliveryStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The webhook loops of one instance under one name: a fan-out loop and {@code workers} delivery loops, each
 * looking for work again at once after it found some, else after the poll interval. Several of these can share one
 * database (and one JVM, in tests): the cursor lock and the claims keep them from doing the same work twice.
 */
public final class WebhookInstance {

    private final String name;
    private final Parts parts;
    private final Executor executor;
    private final Semaphore deliveryWakeUps = new Semaphore(0);
    private final List<CompletableFuture<Void>> loops = new ArrayList<>();
    private volatile boolean stopping;

    /** The beans the loops call. */
    public record Parts(FanOut fanOut, DeliveryRepository deliveries, DeliverySender sender, DeliveryRecorder recorder,
                        WebhookMetrics metrics, WebhookConfig config, Clock clock) {
    }

    public WebhookInstance(String name, Parts parts, Executor executor) {
        this.name = name;
        this.parts = parts;
        this.executor = executor;
    }

    public String name() {
        return name;
    }

    /** Starts the fan-out loop and the delivery loops. */
    public void start() {
        loops.add(CompletableFuture.runAsync(() -> loop("fan-out", this::fanOutOnce, null), executor));
        for (int i = 0; i < parts.config().workers(); i++) {
            loops.add(CompletableFuture.runAsync(() -> loop("delivery", this::deliverOnce, deliveryWakeUps), executor));
        }
    }

    /** Stops the loops; an attempt in flight is recorded, or taken over by another instance after its lease. */
    public void stop(Duration wait) {
        stopping = true;
        deliveryWakeUps.release(loops.size());
        for (CompletableFuture<Void> loop : loops) {
            try {
                loop.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Log.warnf("webhook loop of %s did not stop cleanly: %s", name, e.getMessage());
            }
        }
    }

    /** One fan-out step; returns the events moved past. Public so tests can drive an instance step by step. */
    public int fanOutOnce() {
        int events = parts.fanOut().fanOutOnce(OffsetDateTime.now(parts.clock()));
        parts.metrics().backlog(parts.fanOut().depth(), parts.deliveries().pending());
        if (events > 0) {
            deliveryWakeUps.release(parts.config().workers());
        }
        return events;
    }

    /** One delivery step: claim a batch, send it, record it; returns the deliveries attempted. */
    public int deliverOnce() {
        Duration lease = parts.config().lease();
        List<ClaimedDelivery> claimed = parts.deliveries().claim(name, parts.config().batchSize(), lease,
                OffsetDateTime.now(parts.clock()));
        if (claimed.isEmpty()) {
            return 0;
        }
        List<AttemptResult> results = parts.sender().send(claimed);
        List<AttemptResult> recorded = parts.recorder().record(results, OffsetDateTime.now(parts.clock()));
        if (recorded.size() < results.size()) {
            Log.warnf("%d of %d deliveries were taken over by another instance before %s recorded them (lease %s)",
                    results.size() - recorded.size(), results.size(), name, lease);
        }
        for (AttemptResult result : recorded) {
            count(result);
        }
        return claimed.size();
    }

    private void count(AttemptResult result) {
        if (result.status() == DeliveryStatus.DELIVERED) {
            parts.metrics().delivered(Duration.between(result.delivery().eventCreatedAt(), result.attemptedAt()));
        } else if (DeliveryRecorder.isGone(result)) {
            parts.metrics().attempt("gone");
        } else {
            parts.metrics().attempt(result.status() == DeliveryStatus.FAILED ? "failed" : "retry");
        }
    }

    private interface Step {
        int run();
    }

    private void loop(String what, Step step, Semaphore wakeUps) {
        while (!stopping) {
            int done;
            try {
                done = step.run();
            } catch (RuntimeException e) {
                Log.warnf("webhook %s of %s: %s", what, name, e.getMessage());
                done = 0;
            }
            if (done == 0 && !stopping) {
                try {
                    if (wakeUps == null) {
                        Thread.sleep(parts.config().pollInterval().toMillis());
                    } else {
                        wakeUps.tryAcquire(parts.config().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        wakeUps.drainPermits();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
