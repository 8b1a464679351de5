package io.salesrisk.order.persistence;

/** Where an order stands. Only APPROVED and RELEASED orders count as open orders in the credit exposure. */
public enum OrderStatus {
    /** Approved by the last evaluation (or imported as approved), not invoiced yet. */
    APPROVED,
    /** Waiting for a credit manager's review. */
    IN_REVIEW,
    /** Blocked by the last evaluation. */
    BLOCKED,
    /** Held, then released by risk officers: counts as open like an approved order. */
    RELEASED,
    /** Held, then rejected by a risk officer: no longer part of the exposure. */
    REJECTED,
    /** Shipped (a lifecycle event from the ERP): out of the open orders, into the receivables with its invoice. */
    SHIPPED,
    /** An invoice references it: its amount is now in the receivables. */
    INVOICED,
    /** Withdrawn; no longer part of the exposure. */
    CANCELLED,
    /** Paid (a lifecycle event from the ERP). */
    PAID;

    /** Whether the order waits on a risk officer. */
    public boolean held() {
        return this == IN_REVIEW || this == BLOCKED;
    }

    /** Whether the order is done with: it can no longer be evaluated or acted on. */
    public boolean closed() {
        return this == INVOICED || this == CANCELLED || this == PAID || this == REJECTED || this == SHIPPED;
    }
}
