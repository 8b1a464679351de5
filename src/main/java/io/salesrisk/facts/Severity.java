package io.salesrisk.facts;

/** How serious a reason is; follows from the reaction the rule asked for. */
public enum Severity {
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    static Severity of(Outcome outcome, String condition) {
        return switch (outcome) {
            case BLOCK -> HIGH;
            case REVIEW -> MEDIUM;
            case APPROVE -> condition != null ? LOW : INFO;
        };
    }
}
