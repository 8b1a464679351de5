package io.salesrisk.imports.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.customer.persistence.CustomerRepository;

import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The steps every CSV import shares: parse and check every line, refuse repeated keys, check references against
 * stored data, and only when nothing is wrong write all lines through the owning feature's repository, in the
 * importer's one transaction, so a file is stored whole or not at all. Subclasses say how to read a line, what its
 * key is, what to check and how to write.
 *
 * @param <L> one valid line
 */
abstract class CsvImportTemplate<L> implements CsvImporter {

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
    protected void check(List<L> lines, List<ProblemDetail> errors) {
    }

    /** Writes every line; runs only when the whole file is valid. */
    protected abstract ImportResult write(List<L> lines);

    /** All lines or none: one transaction for the whole file, with room for large files. */
    @Override
    @Transactional
    @TransactionConfiguration(timeout = 600)
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
        check(lines, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(kind() + ".csv has " + errors.size() + " error(s); nothing was imported", errors);
        }
        return write(lines);
    }

    /** Reports every line whose customer does not exist. */
    static <T> void requireCustomers(CustomerRepository customers, List<T> lines, Function<T, Integer> lineNumber,
                                     Function<T, String> customerId, List<ProblemDetail> errors) {
        Set<String> known = customers.existingIds(lines.stream().map(customerId).toList());
        for (T line : lines) {
            String customer = customerId.apply(line);
            if (!known.contains(customer)) {
                errors.add(ProblemDetail.csv(lineNumber.apply(line), "customer_id", customer,
                        "customer_id " + customer + " does not exist; import customers first"));
            }
        }
    }
}
