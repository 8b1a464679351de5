package io.salesrisk.webhook.persistence;

import io.salesrisk.facts.Severity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored subscription as the service sees it. {@code secret} is only ever shown to the officer who created it.
 *
 * @param eventTypes the event types it wants; empty = all
 * @param fromSeq    the outbox seq when it was created: it receives the events after it
 */
public record Subscription(UUID id, String url, List<String> eventTypes, Severity minSeverity, String secret,
                           String description, boolean enabled, String disabledReason, OffsetDateTime disabledAt,
                           OffsetDateTime failingSince, long fromSeq, String createdBy, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {

    /** Whether an event of this type and severity is for this subscription. */
    public boolean wants(long seq, String type, Severity severity) {
        // Severity is declared from HIGH down to INFO
        return seq > fromSeq && (eventTypes.isEmpty() || eventTypes.contains(type)) && severity.ordinal() <= minSeverity.ordinal();
    }
}
