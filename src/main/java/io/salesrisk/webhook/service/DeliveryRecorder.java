package io.salesrisk.webhook.service;

import io.quarkus.logging.Log;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.facts.Severity;
import io.salesrisk.webhook.persistence.AttemptResult;
import io.salesrisk.webhook.persistence.DeliveryRepository;
import io.salesrisk.webhook.persistence.DeliveryStatus;
import io.salesrisk.webhook.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records a batch of attempts in one transaction, with what follows from them for the subscriptions: a success
 * ends a run of failures; 410 Gone, or failing without a success for {@code disable-after}, disables the
 * subscription and raises a WEBHOOK_DISABLED alert (which goes to the outbox, and so to the other subscribers).
 */
@ApplicationScoped
public class DeliveryRecorder {

    /** The alert raised when a subscription is disabled by its failures. */
    public static final String DISABLED_ALERT = "WEBHOOK_DISABLED";

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final AlertService alerts;
    private final WebhookConfig config;

    public DeliveryRecorder(DeliveryRepository deliveries, SubscriptionRepository subscriptions, AlertService alerts,
                            WebhookConfig config) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.config = config;
    }

    /** Returns the attempts that were recorded (a claim taken over by another instance is not). */
    @Transactional
    public List<AttemptResult> record(List<AttemptResult> results, OffsetDateTime now) {
        List<AttemptResult> recorded = deliveries.record(results);
        Map<UUID, AttemptResult> worstBySubscription = new LinkedHashMap<>();
        for (AttemptResult result : recorded) {
            // one success in the batch means the receiver works: only a batch without one counts as failing
            worstBySubscription.merge(result.delivery().subscriptionId(), result,
                    (a, b) -> a.status() == DeliveryStatus.DELIVERED ? a : b);
        }
        subscriptions.succeeded(worstBySubscription.values().stream()
                .filter(r -> r.status() == DeliveryStatus.DELIVERED).map(r -> r.delivery().subscriptionId()).toList());
        for (AttemptResult result : worstBySubscription.values()) {
            if (result.status() != DeliveryStatus.DELIVERED) {
                failed(result, recorded, now);
            }
        }
        return recorded;
    }

    private void failed(AttemptResult result, List<AttemptResult> recorded, OffsetDateTime now) {
        UUID id = result.delivery().subscriptionId();
        AttemptResult gone = recorded.stream().filter(r -> r.delivery().subscriptionId().equals(id) && isGone(r))
                .findFirst().orElse(null);
        if (gone != null) {
            disable(gone, "the receiver answered 410 Gone at " + now + ": it asked for no more messages", now);
            return;
        }
        OffsetDateTime since = subscriptions.failing(id, now);
        Duration failing = Duration.between(since, now);
        if (failing.compareTo(config.disableAfter()) >= 0) {
            disable(result, "every delivery failed since " + since + " (" + failing.toMinutes() + " min; limit "
                    + config.disableAfter().toMinutes() + " min); last error: " + result.error(), now);
        }
    }

    private void disable(AttemptResult result, String reason, OffsetDateTime now) {
        UUID id = result.delivery().subscriptionId();
        if (!subscriptions.disable(id, reason, now)) {
            return;
        }
        Log.warnf("webhook subscription %s (%s) disabled: %s", id, result.delivery().url(), reason);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", result.delivery().url());
        values.put("reason", reason);
        if (result.httpStatus() != null) {
            values.put("lastStatus", result.httpStatus());
        }
        alerts.raise(List.of(new NewAlert(DISABLED_ALERT, "WEBHOOK", id.toString(), null, Severity.HIGH,
                "Webhook " + result.delivery().url() + " was disabled: " + reason, values, null)), now);
    }

    static boolean isGone(AttemptResult result) {
        return result.httpStatus() != null && result.httpStatus() == 410 && result.status() == DeliveryStatus.FAILED;
    }
}
