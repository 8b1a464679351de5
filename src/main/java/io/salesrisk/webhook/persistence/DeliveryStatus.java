package io.salesrisk.webhook.persistence;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (at {@code nextAttemptAt}). */
    PENDING,
    /** A 2xx answer was received. */
    DELIVERED,
    /** Given up: the retry schedule is used up, or the receiver answered 410 Gone. */
    FAILED
}
