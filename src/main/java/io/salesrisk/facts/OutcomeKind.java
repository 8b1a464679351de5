package io.salesrisk.facts;

/**
 * What a backtest counts as "it happened" for a signal (decision-tables/signal-outcomes.xlsx), measured within the
 * backtest's horizon after its as-of day.
 */
public enum OutcomeKind {
    /** Sales of the horizon's months below the threshold % of the same number of months before the as-of day. */
    SALES_DROP,
    /** An invoice more than the threshold's days overdue within the horizon. */
    OVERDUE,
    /** A held order of the customer rejected by an officer within the horizon. */
    HOLD_REJECTED
}
