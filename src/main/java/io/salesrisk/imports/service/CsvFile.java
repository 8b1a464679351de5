package io.salesrisk.imports.service;

import io.salesrisk.common.problem.ProblemDetail;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file with a header row (line 1). Column names are matched without regard to case or surrounding spaces;
 * missing required columns and unknown columns are errors, since a misspelt optional column would otherwise be
 * silently ignored.
 */
public final class CsvFile {

    private final List<CsvRow> rows;

    private CsvFile(List<CsvRow> rows) {
        this.rows = rows;
    }

    public List<CsvRow> rows() {
        return rows;
    }

    /** Parses the text; problems go to {@code errors}. */
    public static CsvFile parse(String text, List<String> required, List<String> optional, List<ProblemDetail> errors) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel writes a byte-order mark
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(body))) {
            List<CsvRow> rows = new ArrayList<>();
            List<String> header = null;
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (header == null) {
                    header = header(record, required, optional, errors);
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < record.size() && i < header.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                CsvRow row = new CsvRow(line, values, errors);
                if (record.size() != header.size()) {
                    row.error("line", String.valueOf(record.size()), "has " + record.size() + " values but the header has "
                            + header.size() + " columns");
                }
                rows.add(row);
            }
            if (header == null) {
                errors.add(ProblemDetail.csv(1, null, null, "the file is empty; expected a header row with "
                        + String.join(",", required)));
            } else if (rows.isEmpty()) {
                errors.add(ProblemDetail.csv(2, null, null, "the file has a header but no data lines"));
            }
            return new CsvFile(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // commons-csv reports broken quoting this way
            errors.add(ProblemDetail.csv(0, null, null, "the file is not valid CSV: " + e.getMessage()));
            return new CsvFile(List.of());
        }
    }

    private static List<String> header(CSVRecord record, List<String> required, List<String> optional,
                                       List<ProblemDetail> errors) {
        List<String> header = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(required);
        known.addAll(optional);
        for (String name : record) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (!known.contains(column)) {
                errors.add(ProblemDetail.csv(1, column, name, "unknown column '" + name + "'; expected columns: "
                        + String.join(", ", known)));
            }
            if (header.contains(column)) {
                errors.add(ProblemDetail.csv(1, column, name, "column '" + name + "' appears twice"));
            }
            header.add(column);
        }
        for (String column : required) {
            if (!header.contains(column)) {
                errors.add(ProblemDetail.csv(1, column, null, "required column '" + column + "' is missing"));
            }
        }
        return header;
    }
}
