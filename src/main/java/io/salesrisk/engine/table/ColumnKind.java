package io.salesrisk.engine.table;

import java.util.Locale;
import java.util.Optional;

/** Column types of a Drools-style RuleTable, with the full headers and the one-letter codes Drools accepts. */
public enum ColumnKind {
    NAME("NAME", "N"),
    DESCRIPTION("DESCRIPTION", "I"),
    CONDITION("CONDITION", "C"),
    ACTION("ACTION", "A"),
    METADATA("METADATA", "@"),
    PRIORITY("PRIORITY", "P"),
    SALIENCE("SALIENCE", null),
    DURATION("DURATION", "D"),
    TIMER("TIMER", "T"),
    CALENDARS("CALENDARS", "E"),
    NO_LOOP("NO-LOOP", "U"),
    LOCK_ON_ACTIVE("LOCK-ON-ACTIVE", "L"),
    AUTO_FOCUS("AUTO-FOCUS", "F"),
    ACTIVATION_GROUP("ACTIVATION-GROUP", "X"),
    AGENDA_GROUP("AGENDA-GROUP", "G"),
    RULEFLOW_GROUP("RULEFLOW-GROUP", "R"),
    DATE_EFFECTIVE("DATE-EFFECTIVE", "V"),
    DATE_EXPIRES("DATE-EXPIRES", "Z"),
    ENABLED("ENABLED", "B");

    private final String header;
    private final String code;

    ColumnKind(String header, String code) {
        this.header = header;
        this.code = code;
    }

    public String header() {
        return header;
    }

    /**
     * The kind a header cell names: the full header (any case, "_" for "-"), or a custom label that starts with
     * the kind's code letter, as in Drools.
     */
    public static Optional<ColumnKind> fromHeader(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        for (ColumnKind kind : values()) {
            if (kind.header.equals(upper)) {
                return Optional.of(kind);
            }
        }
        for (ColumnKind kind : values()) {
            if (kind.code != null && upper.startsWith(kind.code) && !upper.isEmpty()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Every accepted header, for error messages. */
    public static String allHeaders() {
        StringBuilder all = new StringBuilder();
        for (ColumnKind kind : values()) {
            all.append(all.length() == 0 ? "" : ", ").append(kind.header);
        }
        return all.toString();
    }
}
