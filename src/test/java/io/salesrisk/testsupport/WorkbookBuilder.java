package io.salesrisk.testsupport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Writes real .xlsx decision tables for tests, laid out as Drools decision tables (RuleSet, RuleTable). */
public final class WorkbookBuilder {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle headerStyle;
    private final CellStyle codeStyle;
    private final CellStyle percentStyle;

    public WorkbookBuilder() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        codeStyle = workbook.createCellStyle();
        codeStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        codeStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        percentStyle = workbook.createCellStyle();
        percentStyle.setDataFormat(workbook.createDataFormat().getFormat("0%"));
    }

    public SheetBuilder sheet(String name) {
        return new SheetBuilder(workbook.createSheet(name));
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            workbook.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet; tables are written from column B, as in the Drools examples. */
    public final class SheetBuilder {
        private final Sheet sheet;

        SheetBuilder(Sheet sheet) {
            this.sheet = sheet;
        }

        /** RuleSet, Import and Notes rows from row 1. */
        public SheetBuilder ruleSet(String packageName, String imports, String notes) {
            set(1, 1, "RuleSet", headerStyle);
            set(1, 2, packageName, null);
            set(2, 1, "Import", headerStyle);
            set(2, 2, imports, null);
            if (notes != null) {
                set(3, 1, "Notes", headerStyle);
                set(3, 2, notes, null);
            }
            return this;
        }

        public TableBuilder table(int row, String name) {
            return new TableBuilder(this, row, name);
        }

        /** Writes any value (String, Number, Boolean) at an Excel reference such as C12. */
        public SheetBuilder cell(String ref, Object value) {
            CellReference reference = new CellReference(ref);
            set(reference.getRow() + 1, reference.getCol(), value, null);
            return this;
        }

        /** Writes a number formatted as a percentage (0.15 shows as 15 %). */
        public SheetBuilder percentCell(String ref, double fraction) {
            CellReference reference = new CellReference(ref);
            set(reference.getRow() + 1, reference.getCol(), fraction, percentStyle);
            return this;
        }

        public WorkbookBuilder done() {
            for (int c = 0; c < 8; c++) {
                sheet.setColumnWidth(c, c == 0 ? 3 * 256 : 34 * 256);
            }
            return WorkbookBuilder.this;
        }

        void set(int row, int column, Object value, CellStyle style) {
            Row r = sheet.getRow(row - 1) == null ? sheet.createRow(row - 1) : sheet.getRow(row - 1);
            Cell cell = r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean bool) {
                cell.setCellValue(bool);
            } else if (value != null) {
                cell.setCellValue(value.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }

        void merge(int row, int firstColumn, int lastColumn) {
            if (lastColumn > firstColumn) {
                sheet.addMergedRegion(new CellRangeAddress(row - 1, row - 1, firstColumn, lastColumn));
            }
        }
    }

    /** A RuleTable: columns first, then rows. Consecutive conditions with the same object type share one pattern. */
    public final class TableBuilder {
        private final SheetBuilder sheet;
        private final int row;
        private final List<String[]> columns = new ArrayList<>();
        private int nextDataRow;

        TableBuilder(SheetBuilder sheet, int row, String name) {
            this.sheet = sheet;
            this.row = row;
            this.nextDataRow = row + 5;
            sheet.set(row, 1, "RuleTable " + name, headerStyle);
        }

        public TableBuilder condition(String objectType, String template, String label) {
            return column("CONDITION", objectType, template, label);
        }

        public TableBuilder action(String template, String label) {
            return column("ACTION", "", template, label);
        }

        public TableBuilder column(String kind, String objectType, String template, String label) {
            columns.add(new String[]{kind, objectType, template, label});
            return this;
        }

        /** Writes the four header rows; call before the first data row. */
        public TableBuilder header() {
            for (int i = 0; i < columns.size(); i++) {
                String[] column = columns.get(i);
                int col = 1 + i;
                sheet.set(row + 1, col, column[0], headerStyle);
                sheet.set(row + 2, col, column[1].isEmpty() ? null : column[1], codeStyle);
                sheet.set(row + 3, col, column[2], codeStyle);
                sheet.set(row + 4, col, column[3], headerStyle);
            }
            int start = 0;
            while (start < columns.size()) {
                int end = start;
                while (end + 1 < columns.size() && !columns.get(start)[1].isEmpty()
                        && columns.get(end + 1)[0].equals("CONDITION") && columns.get(end + 1)[1].equals(columns.get(start)[1])) {
                    end++;
                }
                sheet.merge(row + 2, 1 + start, 1 + end);
                start = end + 1;
            }
            return this;
        }

        /** A data row; null leaves a cell empty. */
        public TableBuilder row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                sheet.set(nextDataRow, 1 + i, values[i], null);
            }
            nextDataRow++;
            return this;
        }

        /** Row number the next data row will be written at. */
        public int nextRow() {
            return nextDataRow;
        }

        public SheetBuilder end() {
            return sheet;
        }
    }
}
