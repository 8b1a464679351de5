package io.salesrisk.reevaluation.run;

/** Where one chunk of a run stands. */
public enum ChunkStatus {
    /** Waiting for a worker. */
    PENDING,
    /** A worker holds it under a lease. */
    CLAIMED,
    /** Its customers' results are committed. */
    DONE,
    /** Given up after the maximum attempts; its customers are reported as failed. */
    FAILED,
    /** Its run was cancelled before it was claimed. */
    CANCELLED
}
