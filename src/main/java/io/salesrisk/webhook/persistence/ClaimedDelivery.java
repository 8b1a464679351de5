package io.salesrisk.webhook.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A delivery this instance holds until {@code leaseUntil}, with what it takes to send it.
 *
 * @param attempts attempts made before this one
 * @param payload  the event's data as JSON text
 */
public record ClaimedDelivery(UUID id, UUID subscriptionId, String url, String secret, UUID eventId, String eventType,
                              OffsetDateTime eventCreatedAt, String payload, int attempts, String claimedBy,
                              OffsetDateTime leaseUntil) {
}
