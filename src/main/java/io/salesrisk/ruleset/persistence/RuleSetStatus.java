package io.salesrisk.ruleset.persistence;

/** Where a rule-set version stands. Exactly one version is ACTIVE at a time. */
public enum RuleSetStatus {
    /** Compiled; may be simulated, approved and activated (if its scenarios pass). */
    CANDIDATE,
    /** The version evaluations use now. */
    ACTIVE,
    /** Was active once; activating it again is a rollback. */
    RETIRED,
    /** Did not compile or broke the rule policy; kept for its messages, never activated. */
    REJECTED
}
