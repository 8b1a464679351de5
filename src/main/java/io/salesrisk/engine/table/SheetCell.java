package io.salesrisk.engine.table;

import java.util.List;

/**
 * One cell as read from a workbook, after normalisation, with what normalisation changed.
 *
 * @param sheet      sheet name
 * @param row        1-based row number as Excel shows it
 * @param column     0-based column index
 * @param text       normalised text ("" when blank)
 * @param storedAsText true when the cell was a text cell (matters for numbers stored as text)
 * @param mergeStart first column of the merged region the cell belongs to, or its own column
 * @param notes      what normalisation changed, e.g. typographic quotes replaced
 */
public record SheetCell(String sheet, int row, int column, String text, boolean storedAsText, int mergeStart,
                        List<String> notes) {

    public SheetCell {
        notes = List.copyOf(notes);
    }

    public boolean isBlank() {
        return text.isEmpty();
    }

    /** The Excel reference, e.g. C14. */
    public String ref() {
        return columnName(column) + row;
    }

    /** Column letters for a 0-based index: 0 → A, 26 → AA. */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        int n = column + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            name.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return name.toString();
    }
}
