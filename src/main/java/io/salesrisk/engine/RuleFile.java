package io.salesrisk.engine;

import java.util.Locale;

/**
 * One rule file: a DRL file or a decision-table workbook.
 *
 * @param path    path relative to the rule folders' parent, e.g. {@code rules/order-checks.drl}
 * @param content the exact bytes
 */
public record RuleFile(String path, byte[] content) {

    /** Whether this is a DRL file. */
    public boolean isDrl() {
        return path.toLowerCase(Locale.ROOT).endsWith(".drl");
    }

    /** Whether this is an Excel decision table. */
    public boolean isWorkbook() {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    /** The file name without folders, as shown in messages. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
