package io.salesrisk.common.money;

import java.math.BigDecimal;

/**
 * The largest values and the decimals every amount, percentage and index may have, checked at the edge (bean
 * validation for JSON, the importers for CSV) so that nothing is rounded silently or refused by the database.
 * Amount columns hold 17 digits before the decimal point; amounts are limited to 15, which leaves room for the
 * conversion of an order amount into the base currency.
 */
public final class Amounts {

    /** The largest amount: 999,999,999,999,999.99 (15 digits before the point). */
    public static final String MAX_TEXT = "999999999999999.99";
    public static final BigDecimal MAX = new BigDecimal(MAX_TEXT);
    /** Digits before the point of an amount. */
    public static final int INTEGER_DIGITS = 15;
    /** Decimals of an amount in the base currency (cents). */
    public static final int SCALE = 2;
    /** Decimals of a percentage such as a discount (the column holds 3). */
    public static final int PERCENT_SCALE = 3;
    /** The largest market index value and its decimals (the column is NUMERIC(14, 4)). */
    public static final BigDecimal MAX_INDEX = new BigDecimal("9999999999.9999");
    public static final int INDEX_SCALE = 4;

    private Amounts() {
    }

    /** What is wrong with the value against a maximum and a number of decimals, or null when nothing is. */
    public static String problem(BigDecimal value, BigDecimal max, int scale) {
        if (value.compareTo(max) > 0) {
            return "must be at most " + max.toPlainString();
        }
        if (decimals(value) > scale) {
            return "has " + decimals(value) + " decimals; at most " + scale + (scale == 1 ? " is" : " are") + " allowed";
        }
        return null;
    }

    /** The decimals a value really has: 1.50 has one, 100 has none. */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }
}
