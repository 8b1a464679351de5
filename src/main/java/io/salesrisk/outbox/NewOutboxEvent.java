package io.salesrisk.outbox;

import java.util.UUID;

/**
 * An event to append to the outbox.
 *
 * @param id       the message id: the same for every subscriber and every retry ({@code webhook-id})
 * @param type     e.g. {@code alert.opened}
 * @param severity HIGH, MEDIUM, LOW or INFO (subscribers filter on it)
 * @param audience who may read it on the live stream
 * @param payload  the {@code data} of the message, as JSON text
 */
public record NewOutboxEvent(UUID id, String type, String severity, OutboxAudience audience, String payload) {
}
