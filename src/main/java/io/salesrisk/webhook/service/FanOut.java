package io.salesrisk.webhook.service;

import io.quarkus.logging.Log;
import io.salesrisk.facts.Severity;
import io.salesrisk.outbox.OutboxEvent;
import io.salesrisk.outbox.OutboxRepository;
import io.salesrisk.webhook.persistence.DeliveryRepository;
import io.salesrisk.webhook.persistence.NewDelivery;
import io.salesrisk.webhook.persistence.Subscription;
import io.salesrisk.webhook.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns outbox events into deliveries: one row per matching subscription and event, inserted in the transaction
 * that moves the cursor past the event, under the cursor's row lock (so one instance fans out at a time and an
 * event is fanned out once). Identity sequence numbers are taken at insert and committed in any order, so a missing
 * seq may still commit: the cursor stops before a gap until it fills or is older than the gap wait. A seq read past
 * is watched for the late-commit window, and its event fanned out if it commits after all.
 */
@ApplicationScoped
public class FanOut {

    /** Seqs of one gap watched for a late commit at most (a gap this large is not a few open transactions). */
    static final int MAX_WATCHED_GAP = 10_000;

    private final OutboxRepository outbox;
    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final WebhookConfig config;

    public FanOut(OutboxRepository outbox, DeliveryRepository deliveries, SubscriptionRepository subscriptions,
                  WebhookConfig config) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.config = config;
    }

    /**
     * One step: up to batch-size events past the cursor, and the events that committed after the cursor had passed
     * their seq. Returns how many events it fanned out.
     */
    @Transactional
    public int fanOutOnce(OffsetDateTime now) {
        long cursor = deliveries.lockCursor();
        List<OutboxEvent> late = deliveries.lateEvents();
        List<OutboxEvent> events = outbox.after(cursor, config.batchSize());
        long next = cursor;
        List<OutboxEvent> taken = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (OutboxEvent event : events) {
            if (event.seq() != next + 1) {
                if (event.createdAt().plus(config.gapWait()).isAfter(now)) {
                    // a seq before this event is missing and young: its transaction may still commit
                    break;
                }
                // old enough to read past; watched for a late commit for the late-commit window
                for (long seq = next + 1; seq < event.seq() && missing.size() < MAX_WATCHED_GAP; seq++) {
                    missing.add(seq);
                }
            }
            taken.add(event);
            next = event.seq();
        }
        for (OutboxEvent event : late) {
            Log.warnf("outbox event %d (%s) committed after the webhook fan-out had read past its seq; fanned out now",
                    event.seq(), event.type());
        }
        List<OutboxEvent> fannedOut = new ArrayList<>(late);
        fannedOut.addAll(taken);
        if (!fannedOut.isEmpty()) {
            deliveries.fanOut(deliveries(fannedOut), next, now);
        }
        deliveries.skipped(missing, now);
        deliveries.forgetSkipped(late.stream().map(OutboxEvent::seq).toList(), now.minus(config.lateCommitWindow()));
        return fannedOut.size();
    }

    private List<NewDelivery> deliveries(List<OutboxEvent> events) {
        List<Subscription> enabled = subscriptions.enabled();
        List<NewDelivery> rows = new ArrayList<>();
        for (OutboxEvent event : events) {
            Severity severity = severity(event.severity());
            for (Subscription subscription : enabled) {
                if (subscription.wants(event.seq(), event.type(), severity)) {
                    rows.add(new NewDelivery(subscription.id(), event.id(), event.seq(), event.type(), event.createdAt()));
                }
            }
        }
        return rows;
    }

    /** Outbox events not fanned out yet (last seq minus cursor; gaps count as events). */
    @Transactional
    public long depth() {
        return Math.max(0, outbox.lastSeq() - deliveries.cursor());
    }

    private static Severity severity(String name) {
        try {
            return Severity.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Severity.INFO;
        }
    }
}
