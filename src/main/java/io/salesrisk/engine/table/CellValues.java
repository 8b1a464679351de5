package io.salesrisk.engine.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one reading of decision-table cell values, shared by the DRL renderer, the gap and overlap analysis, the
 * explanation, the rule names, the diff, the contingency catalog and the scenarios, so that none of them can read a
 * cell differently from the engine: lists are split on commas outside double quotes ({@code \,} keeps a comma, as
 * in Drools), numbers may be written with thousands separators, spaces or a percent sign.
 */
public final class CellValues {

    /** A number as risk officers type it: 1,000 or 1 000 or 15 % or -3.5. */
    private static final Pattern FORMATTED_NUMBER =
            Pattern.compile("[-+]?(\\d{1,3}([, \u00A0]\\d{3})+|\\d+)(\\.\\d+)?\\s*%?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private CellValues() {
    }

    /**
     * Splits "a, b, c" on commas outside double quotes; "\," keeps a comma; items are trimmed. An empty item between
     * commas is kept (it holds a place for $1..$n), a trailing one is not.
     */
    public static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
                current.append(',');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ',' && !quoted) {
                items.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            items.add(current.toString().trim());
        }
        return items;
    }

    /** The list's items without surrounding quotes: the values a key column compares with. */
    public static List<String> values(String text) {
        return list(text).stream().filter(item -> !item.isEmpty()).map(CellValues::unquote).toList();
    }

    /** The text without one pair of surrounding double quotes. */
    public static String unquote(String text) {
        String trimmed = text.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    /** The number a cell holds ("1,000", "1 000", "15 %" and "-3.5" included), or null when it is not a number. */
    public static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (!FORMATTED_NUMBER.matcher(trimmed).matches()) {
            return null;
        }
        return new BigDecimal(plainNumber(trimmed));
    }

    /** Whether the text is a number written with separators or a percent sign, so that it must be normalised. */
    public static boolean isFormattedNumber(String text) {
        String trimmed = text.trim();
        return FORMATTED_NUMBER.matcher(trimmed).matches() && !PLAIN_NUMBER.matcher(trimmed).matches();
    }

    /** Whether the text is a plain number (digits, an optional sign and decimals). */
    public static boolean isPlainNumber(String text) {
        return PLAIN_NUMBER.matcher(text.trim()).matches();
    }

    /** A formatted number as the plain number DRL needs: "1,000" gives "1000", "15 %" gives "15". */
    public static String plainNumber(String text) {
        return text.trim().replace(",", "").replace(" ", "").replace("\u00A0", "").replace("%", "");
    }

    /** A whole number from {@code min} to {@code max}, or null when the cell holds anything else. */
    public static Integer wholeNumber(String text, int min, int max) {
        BigDecimal number = number(text);
        if (number == null) {
            return null;
        }
        try {
            int value = number.intValueExact();
            return value >= min && value <= max ? value : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
