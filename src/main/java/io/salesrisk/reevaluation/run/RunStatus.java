package io.salesrisk.reevaluation.run;

/** Where a run stands. */
public enum RunStatus {
    /** Chunks are being claimed and assessed. */
    RUNNING,
    /** One instance sums the figures, runs the portfolio triggers and writes the summary. */
    FINISHING,
    COMPLETED,
    /** Stopped by a risk officer; committed chunks stay. */
    CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
