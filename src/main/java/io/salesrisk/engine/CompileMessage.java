package io.salesrisk.engine;

/**
 * An error or warning from compiling rule files, located where the author can act on it:
 * {@code order-credit-checks.xlsx, sheet OrderValue, C14: ...} or {@code order-checks.drl, line 12: ...}.
 *
 * @param level   ERROR blocks the rule set, WARNING does not
 * @param file    file name
 * @param sheet   sheet name for a workbook, else null
 * @param cell    cell reference such as C14 for a workbook, else null
 * @param line    line number for a DRL file, else 0
 * @param message what is wrong and what was expected
 */
public record CompileMessage(Level level, String file, String sheet, String cell, int line, String message) {

    /** Whether a message blocks the rule set. */
    public enum Level { ERROR, WARNING }

    public static CompileMessage error(String file, int line, String message) {
        return new CompileMessage(Level.ERROR, file, null, null, line, message);
    }

    public static CompileMessage cellError(String file, String sheet, String cell, String message) {
        return new CompileMessage(Level.ERROR, file, sheet, cell, 0, message);
    }

    public static CompileMessage cellWarning(String file, String sheet, String cell, String message) {
        return new CompileMessage(Level.WARNING, file, sheet, cell, 0, message);
    }

    /** Where the problem is, e.g. {@code credit-limits.xlsx, sheet Limits, D14}. */
    public String location() {
        StringBuilder where = new StringBuilder(file == null ? "" : file);
        if (sheet != null) {
            where.append(", sheet ").append(sheet);
        }
        if (cell != null) {
            where.append(", ").append(cell);
        } else if (line > 0) {
            where.append(", line ").append(line);
        }
        return where.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
