package io.salesrisk.outbox;

/** Who may read an event on the live stream; webhook subscribers are configured by risk officers and get all. */
public enum OutboxAudience {
    /** Risk officers and auditors. */
    REVIEWERS,
    /** Sales too: notices they act on (contingency plans). */
    SALES
}
