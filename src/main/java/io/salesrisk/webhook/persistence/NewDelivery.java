package io.salesrisk.webhook.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One outbox event for one subscription, as the fan-out inserts it. */
public record NewDelivery(UUID subscriptionId, UUID eventId, long eventSeq, String eventType,
                          OffsetDateTime eventCreatedAt) {
}
