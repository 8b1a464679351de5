package io.salesrisk.imports.service;

import io.salesrisk.common.problem.ProblemDetail;

import io.salesrisk.common.money.Amounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One data line of a CSV file with typed readers. A value that does not parse is reported at its line and
 * column and read as null, so one pass finds every bad value in the file.
 */
public final class CsvRow {

    private final int line;
    private final Map<String, String> values;
    private final List<ProblemDetail> errors;

    CsvRow(int line, Map<String, String> values, List<ProblemDetail> errors) {
        this.line = line;
        this.values = values;
        this.errors = errors;
    }

    public int line() {
        return line;
    }

    /** Trimmed text; null when empty. A required empty value is an error. */
    public String text(String column, boolean required, int maxLength) {
        String value = values.getOrDefault(column, "").strip();
        if (value.isEmpty()) {
            if (required) {
                error(column, "", "is required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            error(column, value, "is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /**
     * A number from {@code min} (inclusive or not) to {@code max} with at most {@code scale} decimals; anything else is
     * an error at the line and column, never a rounding.
     */
    public BigDecimal decimal(String column, boolean required, BigDecimal min, boolean minInclusive, BigDecimal max, int scale) {
        String value = text(column, required, 40);
        if (value == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            error(column, value, "is not a number (use a dot for decimals and no thousands separators)");
            return null;
        }
        int compared = number.compareTo(min);
        if (compared < 0 || (!minInclusive && compared == 0)) {
            error(column, value, "must be " + (minInclusive ? "at least " : "greater than ") + min.toPlainString());
            return null;
        }
        String problem = Amounts.problem(number, max, scale);
        if (problem != null) {
            error(column, value, problem);
            return null;
        }
        return number;
    }

    /** An amount in the base currency: from {@code min}, at most {@link Amounts#MAX}, with at most two decimals. */
    public BigDecimal amount(String column, boolean required, BigDecimal min, boolean minInclusive) {
        return decimal(column, required, min, minInclusive, Amounts.MAX, Amounts.SCALE);
    }

    public Integer integer(String column, boolean required, int min, int max) {
        String value = text(column, required, 12);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                error(column, value, "must be between " + min + " and " + max);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            error(column, value, "is not a whole number");
            return null;
        }
    }

    public LocalDate date(String column, boolean required) {
        String value = text(column, required, 20);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(column, value, "is not a date; expected YYYY-MM-DD");
            return null;
        }
    }

    public YearMonth month(String column, boolean required) {
        String value = text(column, required, 10);
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            error(column, value, "is not a month; expected YYYY-MM");
            return null;
        }
    }

    public Boolean bool(String column, boolean required) {
        String value = text(column, required, 10);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> {
                error(column, value, "is not true or false");
                yield null;
            }
        };
    }

    /** Problems reported so far in the whole file (lets a reader tell whether this row added any). */
    public int errorCount() {
        return errors.size();
    }

    /** Reports a problem at this line and column. */
    public void error(String column, String value, String message) {
        errors.add(ProblemDetail.csv(line, column, value, column + " " + message));
    }
}
