package io.salesrisk.facts;

/** What happens to an order. When several rules react, the strongest wins: BLOCK over REVIEW over APPROVE. */
public enum Outcome {
    APPROVE,
    REVIEW,
    BLOCK;

    /** The stronger of two outcomes. */
    public Outcome max(Outcome other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
