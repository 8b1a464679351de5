package io.salesrisk.facts;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rule that is firing, as the engine tells the result fact: its name, where it came from and, for a
 * decision-table row, the row's cell values by column label (used by message placeholders such as {Max order value}).
 *
 * @param name      rule name, e.g. {@code MaxOrderValueExceeded_12}
 * @param source    human-readable origin, e.g. {@code order-credit-checks.xlsx, sheet OrderValue, row 12}
 * @param file      file name relative to its folder
 * @param sheet     sheet name for a table row, else null
 * @param row       1-based spreadsheet row, or the DRL line of the rule
 * @param rowValues cell values of a table row by column label; empty for DRL rules
 */
public record RuleRef(String name, String source, String file, String sheet, int row, Map<String, String> rowValues) {

    public RuleRef {
        // in the table's column order: Map.copyOf would iterate in an order that changes from JVM to JVM, and stored
        // values (a signal's, an alert's) would then differ between instances for the same row
        rowValues = rowValues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rowValues));
    }

    /** A reference for something that is not a rule, such as the engine's own safety stops. */
    public static RuleRef system(String name, String source) {
        return new RuleRef(name, source, null, null, 0, Map.of());
    }

    /** The row's value under a column label, ignoring case and surrounding spaces; null when absent. */
    public String rowValue(String label) {
        String exact = rowValues.get(label);
        if (exact != null || rowValues.isEmpty()) {
            return exact;
        }
        Map<String, String> byKey = new HashMap<>();
        rowValues.forEach((key, value) -> byKey.put(key.trim().toLowerCase(Locale.ROOT), value));
        return byKey.get(label.trim().toLowerCase(Locale.ROOT));
    }
}
