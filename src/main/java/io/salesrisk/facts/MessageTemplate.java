package io.salesrisk.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * Renders reason messages such as "order {order.amount} exceeds {Max order value}". Money (two decimals) is
 * written 125,000.00, other numbers with grouping and up to two decimals. An unknown placeholder is kept as
 * {@code {name?}} so a typo shows in the message instead of failing the evaluation.
 */
public final class MessageTemplate {

    private MessageTemplate() {
    }

    /** Replaces each {placeholder} with the resolver's value, formatted for people. */
    public static String render(String template, Function<String, Object> resolver) {
        if (template == null || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = template.substring(i + 1, close).trim();
            Object value = resolver.apply(name);
            out.append(value == null ? "{" + name + "?}" : format(value));
            i = close + 1;
        }
        return out.toString();
    }

    /** Formats a value the way reason messages show it: 125,000.00 for money, 12.5 or 1,200 otherwise. */
    public static String format(Object value) {
        if (value instanceof BigDecimal decimal) {
            return grouped(decimal.scale() == 2 ? decimal : trimmed(decimal));
        }
        if (value instanceof Double || value instanceof Float) {
            return grouped(trimmed(BigDecimal.valueOf(((Number) value).doubleValue())));
        }
        if (value instanceof Number number) {
            return grouped(BigDecimal.valueOf(number.longValue()));
        }
        if (value instanceof Boolean bool) {
            return bool ? "yes" : "no";
        }
        return String.valueOf(value);
    }

    /** At most two decimals, no trailing zeros. */
    private static BigDecimal trimmed(BigDecimal value) {
        BigDecimal rounded = value.scale() > 2 ? value.setScale(2, RoundingMode.HALF_UP) : value;
        BigDecimal stripped = rounded.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Plain digits with a comma every three digits of the integer part (DecimalFormat is slow and not thread-safe). */
    private static String grouped(BigDecimal value) {
        String plain = value.toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int integerEnd = dot < 0 ? plain.length() : dot;
        int digits = integerEnd - start;
        if (digits <= 3) {
            return plain;
        }
        StringBuilder out = new StringBuilder(plain.length() + digits / 3);
        out.append(plain, 0, start);
        for (int i = start; i < integerEnd; i++) {
            if (i > start && (integerEnd - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        out.append(plain, integerEnd, plain.length());
        return out.toString();
    }

    /** A table row's cell value by column label (case and surrounding spaces ignored), numbers parsed. */
    static Object rowValue(RuleRef rule, String label) {
        String text = rule.rowValue(label);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }
}
