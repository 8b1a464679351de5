package io.salesrisk.common.persistence;

/** Text cut to fit a VARCHAR column, marked with "..." where it was cut. */
public final class ColumnText {

    /** The size of the message, reason and error columns. */
    public static final int MESSAGE = 1000;

    private ColumnText() {
    }

    /** The text itself when it fits (or is null), else its start and "..." in exactly {@code size} characters. */
    public static String fit(String text, int size) {
        return text == null || text.length() <= size ? text : text.substring(0, size - 3) + "...";
    }

    /** {@link #fit(String, int)} for the 1,000-character message columns. */
    public static String message(String text) {
        return fit(text, MESSAGE);
    }
}
