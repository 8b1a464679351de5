package io.salesrisk.ruleset.scenario;

import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.table.CellValues;
import io.salesrisk.engine.table.SheetGrid;
import io.salesrisk.engine.table.WorkbookReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads scenario files ({@code decision-tables/scenarios/*.csv} or {@code *.xlsx}, first sheet): a header row, then
 * one scenario per row. Columns: {@code scenario} (name), any of {@link ScenarioFacts#COLUMNS} as given facts,
 * {@code expected_outcome} (required), {@code expected_conditions}, {@code expected_rules} (separated by ";"),
 * {@code expected_message}.
 */
public final class ScenarioReader {

    private static final String NAME = "scenario";
    private static final String OUTCOME = "expected_outcome";
    private static final String CONDITIONS = "expected_conditions";
    private static final String RULES = "expected_rules";
    private static final String MESSAGE = "expected_message";

    private ScenarioReader() {
    }

    /** The scenarios of one file; a file that cannot be read is an {@link IOException} naming why. */
    public static List<Scenario> read(RuleFile file) throws IOException {
        List<List<String>> rows = file.path().toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(file) : workbook(file);
        List<Scenario> scenarios = new ArrayList<>();
        if (rows.isEmpty()) {
            return scenarios;
        }
        List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains(OUTCOME)) {
            throw new IOException("the header has no '" + OUTCOME + "' column");
        }
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> given = new LinkedHashMap<>();
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                values.put(header.get(c), cells.get(c).trim());
            }
            values.forEach((column, value) -> {
                if (!column.equals(NAME) && !column.startsWith("expected_") && !column.isBlank() && !value.isBlank()) {
                    given.put(column, value);
                }
            });
            scenarios.add(new Scenario(file.fileName(), i + 1, values.getOrDefault(NAME, "row " + (i + 1)), given,
                    values.getOrDefault(OUTCOME, ""),
                    header.contains(CONDITIONS) ? list(values.getOrDefault(CONDITIONS, "")) : null,
                    list(values.getOrDefault(RULES, "")),
                    blankToNull(values.get(MESSAGE))));
        }
        return scenarios;
    }

    private static List<String> list(String text) {
        // scenario lists take semicolons as well as commas; the values are read like every table cell
        return CellValues.values(text.replace(';', ',')).stream().filter(s -> !s.equals("-")).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<List<String>> csv(RuleFile file) throws IOException {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                rows.add(cells);
            }
        } catch (RuntimeException e) {
            throw new IOException("not valid CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    private static List<List<String>> workbook(RuleFile file) throws IOException {
        List<SheetGrid> sheets = WorkbookReader.read(file.content());
        List<List<String>> rows = new ArrayList<>();
        if (sheets.isEmpty()) {
            return rows;
        }
        SheetGrid sheet = sheets.get(0);
        int width = sheet.width(1);
        for (int r = 1; r <= sheet.lastRow(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                cells.add(sheet.cell(r, c).text());
            }
            rows.add(cells);
        }
        return rows;
    }
}
