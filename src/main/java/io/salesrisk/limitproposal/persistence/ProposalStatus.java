package io.salesrisk.limitproposal.persistence;

/** Where a limit proposal stands. */
public enum ProposalStatus {
    /** Waiting for a risk officer. */
    PENDING,
    /** Applied. */
    APPROVED,
    /** The current limit stays. */
    REJECTED,
    /** A later assessment no longer proposes it. */
    SUPERSEDED
}
