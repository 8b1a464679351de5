package io.salesrisk.reevaluation.run;

/** What started a run. */
public enum RunTrigger {
    /** A risk officer, through the API. */
    API,
    /** The nightly schedule. */
    SCHEDULE
}
