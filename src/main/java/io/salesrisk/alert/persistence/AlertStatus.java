package io.salesrisk.alert.persistence;

/** Where an alert stands. */
public enum AlertStatus {
    /** Raised; a repeated finding updates it. */
    OPEN,
    /** Someone is on it; a repeated finding still updates it. */
    ACKNOWLEDGED,
    /** Done; the next finding of the same kind opens a new alert. */
    CLOSED
}
