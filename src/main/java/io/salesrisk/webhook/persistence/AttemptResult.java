package io.salesrisk.webhook.persistence;

import java.time.OffsetDateTime;

/**
 * What one attempt came to, to record on its delivery.
 *
 * @param status       PENDING again (a retry at {@code nextAttempt}), DELIVERED or FAILED
 * @param httpStatus   the answer's status code, or null when there was no answer
 * @param error        why it failed, or null
 * @param nextAttempt  when to try again (PENDING only)
 */
public record AttemptResult(ClaimedDelivery delivery, DeliveryStatus status, Integer httpStatus, String error,
                            OffsetDateTime attemptedAt, OffsetDateTime nextAttempt) {
}
