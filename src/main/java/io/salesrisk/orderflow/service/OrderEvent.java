package io.salesrisk.orderflow.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A lifecycle event as received.
 *
 * @param amount                for CHANGED: the new amount in the order's currency
 * @param requestedDeliveryDate for CHANGED: the new requested delivery date
 */
public record OrderEvent(String eventId, OrderEventType type, OffsetDateTime occurredAt, BigDecimal amount,
                         LocalDate requestedDeliveryDate) {
}
