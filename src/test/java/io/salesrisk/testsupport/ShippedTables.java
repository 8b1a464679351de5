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
