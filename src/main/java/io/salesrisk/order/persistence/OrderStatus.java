package io.salesrisk.order.persistence;

/** Where an order stands. Only APPROVED orders count as open orders in the credit exposure. */
public enum OrderStatus {
    /** Approved by the last evaluation (or imported as approved), not invoiced yet. */
    APPROVED,
    /** Waiting for a credit manager's review. */
    IN_REVIEW,
    /** Blocked by the last evaluation. */
    BLOCKED,
    /** An invoice references it: its amount is now in the receivables. */
    INVOICED,
    /** Withdrawn; no longer part of the exposure. */
    CANCELLED
}
