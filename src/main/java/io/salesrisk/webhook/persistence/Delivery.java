package io.salesrisk.webhook.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A delivery's state, for the delivery log.
 *
 * @param eventId    the outbox event id, sent as {@code webhook-id}
 * @param claimedBy  the instance that made the last attempt (or holds the claim now)
 * @param lastStatus the HTTP status of the last answer, or null when there was none (timeout, connection refused)
 */
public record Delivery(UUID id, UUID subscriptionId, UUID eventId, long eventSeq, String eventType,
                       OffsetDateTime eventCreatedAt, DeliveryStatus status, int attempts, OffsetDateTime nextAttemptAt,
                       String claimedBy, Integer lastStatus, String lastError, OffsetDateTime lastAttemptAt,
                       OffsetDateTime deliveredAt) {
}
