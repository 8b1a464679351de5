package io.salesrisk.contingency.catalog;

import io.salesrisk.engine.table.SheetCell;

import java.util.Locale;

/** Reads a {@code RiskMatrix} sheet: impact 1-5 across, likelihood 1-5 down, a level in every cell. */
final class RiskMatrixReader {

    private RiskMatrixReader() {
    }

    /** The 5x5 levels by [likelihood - 1][impact - 1], or null when the matrix is incomplete (errors recorded). */
    static RiskLevel[][] read(ReferenceSheet sheet) {
        int headerRow = sheet.headerRow;
        int firstCol = sheet.firstColumn;
        int[] impactColumn = new int[6];
        for (int col = firstCol + 1; col < sheet.sheet.width(headerRow); col++) {
            SheetCell cell = sheet.sheet.cell(headerRow, col);
            if (!cell.isBlank()) {
                Integer impact = sheet.oneToFive(cell, "impact");
                if (impact != null) {
                    impactColumn[impact] = col;
                }
            }
        }
        for (int impact = 1; impact <= 5; impact++) {
            if (impactColumn[impact] == 0) {
                sheet.error(sheet.sheet.cell(headerRow, firstCol), "RiskMatrix: the header row needs impact " + impact);
                return null;
            }
        }
        RiskLevel[][] levels = new RiskLevel[5][5];
        boolean[] seen = new boolean[6];
        for (int row = headerRow + 1; row <= headerRow + 5; row++) {
            Integer likelihood = sheet.oneToFive(sheet.sheet.cell(row, firstCol), "likelihood");
            if (likelihood == null) {
                return null;
            }
            seen[likelihood] = true;
            boolean complete = true;
            for (int impact = 1; impact <= 5; impact++) {
                SheetCell cell = sheet.sheet.cell(row, impactColumn[impact]);
                try {
                    levels[likelihood - 1][impact - 1] = RiskLevel.valueOf(cell.text().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    sheet.error(cell, "risk level '" + cell.text() + "' must be LOW, MEDIUM, HIGH or CRITICAL");
                    complete = false; // the rest of the row is still checked, so all its bad cells are reported
                }
            }
            if (!complete) {
                return null;
            }
        }
        for (int likelihood = 1; likelihood <= 5; likelihood++) {
            if (!seen[likelihood]) {
                sheet.error(sheet.sheet.cell(headerRow + 1, firstCol), "RiskMatrix: needs a row for likelihood " + likelihood);
                return null;
            }
        }
        return levels;
    }
}
