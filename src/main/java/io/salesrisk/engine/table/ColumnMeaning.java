package io.salesrisk.engine.table;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one condition column compares a fact field with its cells, read from the column's code snippet the way the
 * analysis, the explanation, the rule names and the diff all need it: {@code ==} (a key), {@code forall(||)} over
 * several keys, a lower or an upper bound, or any other condition (opaque: never guessed at).
 *
 * @param field    the fact field, e.g. {@code customer.riskClass}; null for an opaque condition
 * @param operator "==" (one value), "in" (forall over several values), or &gt;, &gt;=, &lt;, &lt;=
 */
public record ColumnMeaning(Kind kind, String field, String operator) {

    /** KEY: equality; LOWER/UPPER: a bound; OPAQUE: any other condition. */
    public enum Kind { KEY, LOWER, UPPER, OPAQUE }

    private static final Pattern KEY = Pattern.compile("^([\\w.]+)\\s*==\\s*\"?\\$param\"?$");
    private static final Pattern FORALL_KEY = Pattern.compile("^forall\\(\\s*\\|\\|\\s*\\)\\s*\\{\\s*([\\w.]+)\\s*==\\s*\"?\\$\"?\\s*}$");
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z_][\\w.]*$");
    private static final Pattern BOUND = Pattern.compile("^([\\w.]+)\\s*(>=|<=|>|<)\\s*\\$param$");
    private static final ColumnMeaning OPAQUE = new ColumnMeaning(Kind.OPAQUE, null, null);

    /** What a condition column tests, or null for columns that are not conditions. */
    public static ColumnMeaning of(TableColumn column) {
        if (column.kind() != ColumnKind.CONDITION) {
            return null;
        }
        String template = column.template().text().trim();
        Matcher key = KEY.matcher(template);
        if (key.matches()) {
            return new ColumnMeaning(Kind.KEY, key.group(1), "==");
        }
        Matcher forall = FORALL_KEY.matcher(template);
        if (forall.matches()) {
            return new ColumnMeaning(Kind.KEY, forall.group(1), "in");
        }
        if (FIELD.matcher(template).matches()) {
            return new ColumnMeaning(Kind.KEY, template, "==");
        }
        Matcher bound = BOUND.matcher(template);
        if (bound.matches()) {
            String operator = bound.group(2);
            return new ColumnMeaning(operator.startsWith(">") ? Kind.LOWER : Kind.UPPER, bound.group(1), operator);
        }
        return OPAQUE;
    }

    public boolean isKey() {
        return kind == Kind.KEY;
    }

    public boolean isBound() {
        return kind == Kind.LOWER || kind == Kind.UPPER;
    }
}
