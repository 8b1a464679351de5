package io.salesrisk.imports.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps every CSV import shares: parse and check every line, refuse repeated keys, check references against
 * the database, and only when nothing is wrong write all lines in the caller's transaction. Subclasses say how to
 * read a line, what its key is, what to check and how to write. Subclasses are {@code @Transactional}.
 *
 * @param <L> one valid line
 */
abstract class CsvImportTemplate<L> implements CsvImporter {

    protected final AgroalDataSource dataSource;

    protected CsvImportTemplate(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Lets Quarkus create the client proxy of a subclass; never used to import. */
    protected CsvImportTemplate() {
        this(null);
    }

    /** Columns that must be present. */
    protected abstract List<String> requiredColumns();

    /** Columns that may be present. */
    protected List<String> optionalColumns() {
        return List.of();
    }

    /** The line, or null when a value is missing or wrong (the row has recorded why). */
    protected abstract L read(CsvRow row);

    /** The key two lines of one file may not share. */
    protected abstract String key(L line);

    /** The column to blame when a key repeats. */
    protected String keyColumn() {
        return "id";
    }

    /** Checks against stored data, such as referenced customers; reports into {@code errors}. */
    protected void check(Connection connection, List<L> lines, List<ProblemDetail> errors) throws SQLException {
    }

    /** Writes every line; runs only when the whole file is valid. */
    protected abstract ImportResult write(Connection connection, List<L> lines) throws SQLException;

    @Override
    public ImportResult importCsv(String csv) {
        List<ProblemDetail> errors = new ArrayList<>();
        CsvFile file = CsvFile.parse(csv, requiredColumns(), optionalColumns(), errors);
        List<L> lines = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvRow row : file.rows()) {
            L line = read(row);
            if (line == null) {
                continue;
            }
            Integer previous = firstLine.putIfAbsent(key(line), row.line());
            if (previous != null) {
                row.error(keyColumn(), key(line), "repeats line " + previous);
            } else {
                lines.add(line);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            check(connection, lines, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(kind() + ".csv has " + errors.size() + " error(s); nothing was imported", errors);
            }
            return write(connection, lines);
        } catch (SQLException e) {
            throw new IllegalStateException(kind() + " import failed: " + e.getMessage(), e);
        }
    }
}
