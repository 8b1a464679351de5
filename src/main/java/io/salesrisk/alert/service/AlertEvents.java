package io.salesrisk.alert.service;

import io.salesrisk.alert.persistence.AlertRecord;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.outbox.NewOutboxEvent;
import io.salesrisk.outbox.OutboxAudience;
import io.salesrisk.outbox.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The alert events of the outbox: {@code alert.opened}, {@code alert.escalated} (repeated at a higher severity),
 * {@code alert.acknowledged} and {@code alert.closed}, each with the whole alert as its data. Repeats at the same
 * severity are not events: a nightly run that finds the same 500 problems again must not send 500 messages.
 */
@ApplicationScoped
public class AlertEvents {

    public static final String OPENED = "alert.opened";
    public static final String ESCALATED = "alert.escalated";
    public static final String ACKNOWLEDGED = "alert.acknowledged";
    public static final String CLOSED = "alert.closed";
    /** Every event type a subscriber may ask for. */
    public static final List<String> TYPES = List.of(OPENED, ESCALATED, ACKNOWLEDGED, CLOSED);

    private final OutboxRepository outbox;
    private final JsonText json;

    public AlertEvents(OutboxRepository outbox, JsonText json) {
        this.outbox = outbox;
        this.json = json;
    }

    void opened(List<AlertRecord> alerts, OffsetDateTime now) {
        append(OPENED, alerts, now);
    }

    void escalated(List<AlertRecord> alerts, OffsetDateTime now) {
        append(ESCALATED, alerts, now);
    }

    void acknowledged(AlertRecord alert, OffsetDateTime now) {
        append(ACKNOWLEDGED, List.of(alert), now);
    }

    void closed(AlertRecord alert, OffsetDateTime now) {
        append(CLOSED, List.of(alert), now);
    }

    private void append(String type, List<AlertRecord> alerts, OffsetDateTime now) {
        if (alerts.isEmpty()) {
            return;
        }
        outbox.append(alerts.stream().map(alert -> new NewOutboxEvent(Ids.timeOrdered(), type, alert.severity(),
                audience(alert), json.write(alert))).toList(), now);
    }

    /** Contingency plan notices reach sales on the live stream; everything else is for risk officers and auditors. */
    private static OutboxAudience audience(AlertRecord alert) {
        return "PLAN".equals(alert.subjectType()) ? OutboxAudience.SALES : OutboxAudience.REVIEWERS;
    }
}
