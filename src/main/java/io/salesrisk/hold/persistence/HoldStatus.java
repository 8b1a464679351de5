package io.salesrisk.hold.persistence;

/** Where a hold stands. OPEN and PENDING_APPROVAL are open: the order waits; the others are how it ended. */
public enum HoldStatus {
    /** Waiting for a risk officer. */
    OPEN,
    /** Released by one officer above that officer's authority: waits for a second officer's approval. */
    PENDING_APPROVAL,
    /** Released by officers: the order counts as approved. */
    RELEASED,
    /** Rejected by an officer. */
    REJECTED,
    /** A later evaluation (a recheck, a change) approved the order: the hold closed by itself. */
    CLEARED,
    /** The order was cancelled while held. */
    CANCELLED;

    public boolean open() {
        return this == OPEN || this == PENDING_APPROVAL;
    }
}
