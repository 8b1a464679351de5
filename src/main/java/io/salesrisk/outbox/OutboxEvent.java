package io.salesrisk.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored outbox event; {@code seq} orders them and is the live stream's event id. */
public record OutboxEvent(long seq, UUID id, String type, String severity, OutboxAudience audience, String payload,
                          OffsetDateTime createdAt) {
}
