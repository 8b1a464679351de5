package io.salesrisk.ruleset.persistence;

/** How a version came in. */
public enum RuleSetOrigin {
    /** Read from the watched rules/ and decision-tables/ folders. */
    FOLDER,
    /** Uploaded through {@code POST /api/rulesets}. */
    UPLOAD
}
