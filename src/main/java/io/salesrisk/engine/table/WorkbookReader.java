package io.salesrisk.engine.table;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every sheet of an Excel workbook into {@link SheetGrid}s, normalising what Excel authors commonly type:
 * typographic quotes become straight quotes, non-breaking and stray spaces are removed, percent-formatted numbers
 * are read as percentage points (15 % becomes 15), whole numbers lose their ".0", dates become ISO dates.
 */
public final class WorkbookReader {

    static {
        // uploads are untrusted: POI refuses zip bombs (entries that inflate more than 100x, or beyond these sizes)
        // and, by default, XML with DOCTYPE declarations (entity expansion tricks)
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(50L * 1024 * 1024);
    }

    private WorkbookReader() {
    }

    /** Reads the workbook; a file that is not a readable workbook is an {@link IOException}. */
    public static List<SheetGrid> read(byte[] content) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            List<SheetGrid> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                sheets.add(readSheet(sheet));
            }
            return sheets;
        } catch (IOException | RuntimeException e) {
            String refused = oversized(e);
            if (refused != null) {
                throw new IOException(refused, e);
            }
            // POI signals corrupt or unsupported files with IOExceptions and assorted runtime exceptions
            throw new IOException("not a readable Excel workbook (.xlsx or .xls): " + e.getMessage(), e);
        }
    }

    private static final java.util.regex.Pattern ZIP_ENTRY = java.util.regex.Pattern.compile("Entry: (\\S+)");

    /**
     * What was refused and why, in the author's terms, when POI stopped reading because the file expands too far
     * (its own text tells the reader to change a library setting or to open a bug report).
     */
    private static String oversized(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String lower = message.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("zip bomb") || lower.contains("max. ratio") || lower.contains("exceed the max")
                    || lower.contains("tried to allocate") || lower.contains("bugzilla")) {
                java.util.regex.Matcher entry = ZIP_ENTRY.matcher(message);
                return "refused: the workbook expands to far more data than its size, as a zip bomb does"
                        + (entry.find() ? " (part " + entry.group(1) + ")" : "") + "; a workbook part may expand at most"
                        + " 100 times its compressed size and to at most 100 MB, its text to at most 50 MB."
                        + " Save the workbook again from Excel, or split very large tables over several files";
            }
        }
        return null;
    }

    private static SheetGrid readSheet(Sheet sheet) {
        int lastRow = sheet.getLastRowNum() + 1;
        SheetCell[][] rows = new SheetCell[Math.max(lastRow, 0)][];
        List<CellRangeAddress> merged = sheet.getMergedRegions();
        for (Row row : sheet) {
            int width = Math.max(row.getLastCellNum(), 0);
            SheetCell[] cells = new SheetCell[width];
            for (Cell cell : row) {
                cells[cell.getColumnIndex()] = toSheetCell(sheet.getSheetName(), cell, mergeStart(merged, cell));
            }
            rows[row.getRowNum()] = cells;
        }
        fillMergedRegions(rows, merged, sheet.getSheetName());
        return new SheetGrid(sheet.getSheetName(), rows);
    }

    private static int mergeStart(List<CellRangeAddress> merged, Cell cell) {
        for (CellRangeAddress region : merged) {
            if (region.isInRange(cell.getRowIndex(), cell.getColumnIndex())) {
                return region.getFirstColumn();
            }
        }
        return cell.getColumnIndex();
    }

    /** Cells covered by a merged region read as the region's top-left value, as Excel shows them. */
    private static void fillMergedRegions(SheetCell[][] rows, List<CellRangeAddress> merged, String sheetName) {
        for (CellRangeAddress region : merged) {
            SheetCell[] firstRow = region.getFirstRow() < rows.length ? rows[region.getFirstRow()] : null;
            if (firstRow == null || region.getFirstColumn() >= firstRow.length || firstRow[region.getFirstColumn()] == null) {
                continue;
            }
            SheetCell origin = firstRow[region.getFirstColumn()];
            for (int r = region.getFirstRow(); r <= region.getLastRow() && r < rows.length; r++) {
                if (rows[r] == null || rows[r].length <= region.getLastColumn()) {
                    SheetCell[] widened = new SheetCell[region.getLastColumn() + 1];
                    if (rows[r] != null) {
                        System.arraycopy(rows[r], 0, widened, 0, rows[r].length);
                    }
                    rows[r] = widened;
                }
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    if (r != region.getFirstRow() || c != region.getFirstColumn()) {
                        rows[r][c] = new SheetCell(sheetName, r + 1, c, origin.text(), origin.storedAsText(),
                                region.getFirstColumn(), List.of());
                    }
                }
            }
        }
    }

    private static SheetCell toSheetCell(String sheetName, Cell cell, int mergeStart) {
        List<String> notes = new ArrayList<>();
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text;
        boolean storedAsText = false;
        switch (type) {
            case STRING -> {
                text = normaliseText(cell.getStringCellValue(), notes);
                storedAsText = true;
            }
            case NUMERIC -> text = numericText(cell, notes);
            case BOOLEAN -> text = Boolean.toString(cell.getBooleanCellValue());
            case ERROR -> {
                text = "";
                notes.add("the cell shows an Excel error; it is read as empty");
            }
            default -> text = "";
        }
        return new SheetCell(sheetName, cell.getRowIndex() + 1, cell.getColumnIndex(), text, storedAsText, mergeStart, notes);
    }

    private static String numericText(Cell cell, List<String> notes) {
        if (DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        BigDecimal value = new BigDecimal(Double.toString(cell.getNumericCellValue()));
        String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
        if (format != null && format.contains("%")) {
            BigDecimal points = value.movePointRight(2);
            notes.add("percent cell " + plain(points) + "% is read as " + plain(points)
                    + " (percentages are written as points, 15 means 15 %)");
            value = points;
        }
        return plain(value);
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Replaces typographic quotes and odd spaces; records each kind of change once. */
    static String normaliseText(String raw, List<String> notes) {
        String text = raw;
        String straightened = text
                .replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"').replace('\u201F', '"')
                .replace('\u00AB', '"').replace('\u00BB', '"')
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201A', '\'').replace('\u201B', '\'');
        if (!straightened.equals(text)) {
            notes.add("typographic quotes were replaced by straight quotes");
            text = straightened;
        }
        String spaced = text.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ')
                .replace("\u200B", "").replace('\t', ' ');
        String trimmed = spaced.strip();
        if (!trimmed.equals(text) && !text.isBlank()) {
            notes.add("stray spaces were removed");
        }
        return trimmed.replace("\r\n", "\n");
    }
}
