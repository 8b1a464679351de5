package io.salesrisk.engine.table;

/**
 * One column of a RuleTable: its kind and the four header cells below "RuleTable".
 *
 * @param kind       CONDITION, ACTION, NAME, ...
 * @param header     the cell naming the kind
 * @param objectType the pattern (e.g. {@code check: OrderCheck}) for conditions, a variable for actions
 * @param template   the code snippet with $param, $1, $2 or forall(...)
 * @param label      the business label shown above the data, used in messages and explanations
 */
public record TableColumn(ColumnKind kind, SheetCell header, SheetCell objectType, SheetCell template, SheetCell label) {

    /** Columns whose object-type cells are one merged region share one pattern. */
    public int patternKey() {
        return objectType.mergeStart();
    }

    /** The fact type a condition's pattern matches: "check: OrderCheck" and "OrderCheck(x > 0)" → "OrderCheck". */
    public String patternType() {
        return patternType(objectType.text());
    }

    static String patternType(String objectType) {
        String text = objectType.strip();
        int colon = text.indexOf(':');
        if (colon >= 0) {
            text = text.substring(colon + 1).strip();
        }
        int paren = text.indexOf('(');
        if (paren >= 0) {
            text = text.substring(0, paren).strip();
        }
        return text;
    }
}
