package io.salesrisk.contingency.persistence;

/** Whether a plan activation is in force. */
public enum PlanStatus {
    /** Its actions apply to the orders of its scope. */
    ACTIVE,
    /** Ended by a run that found its trigger gone, or by a risk officer. */
    ENDED
}
