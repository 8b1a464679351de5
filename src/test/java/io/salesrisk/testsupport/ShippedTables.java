package io.salesrisk.testsupport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped workbook with one cell changed, as a risk officer would edit it in Excel. */
public final class ShippedTables {

    public static final Path WORKBOOK = Path.of("decision-tables/order-credit-checks.xlsx");

    private ShippedTables() {
    }

    /** The shipped order checks with {@code value} (String or Number) written into {@code sheet!ref}. */
    public static byte[] withCell(String sheet, String ref, Object value) {
        return withCell(WORKBOOK, sheet, ref, value);
    }

    /**
     * The shipped order checks with a new row inserted at {@code row} (1-based) of {@code sheet}, the rows below moved
     * down, as Excel's "insert row" does; {@code values} go from column B.
     */
    public static byte[] withRowInserted(String sheet, int row, Object... values) {
        try (InputStream in = Files.newInputStream(WORKBOOK); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet target = workbook.getSheet(sheet);
            target.shiftRows(row - 1, target.getLastRowNum(), 1);
            Row inserted = target.createRow(row - 1);
            for (int i = 0; i < values.length; i++) {
                Cell cell = inserted.createCell(1 + i);
                if (values[i] instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(String.valueOf(values[i]));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] withCell(Path file, String sheet, String ref, Object value) {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet target = workbook.getSheet(sheet);
            CellReference reference = new CellReference(ref);
            Row row = target.getRow(reference.getRow()) == null ? target.createRow(reference.getRow()) : target.getRow(reference.getRow());
            Cell cell = row.getCell(reference.getCol()) == null ? row.createCell(reference.getCol()) : row.getCell(reference.getCol());
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(String.valueOf(value));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
