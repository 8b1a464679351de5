package io.salesrisk.imports.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.salesrisk.common.problem.ProblemDetail;

/** Small JDBC helpers for bulk writes: existence checks in chunks and batched statements. */
final class JdbcWriter {

    static final int CHUNK = 1000;

    private JdbcWriter() {
    }

    /** Binds one item's values to a prepared statement. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Receives one result row. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs {@code select ... IN (keys)} in chunks of {@link #CHUNK} keys, passing every row to the reader. */
    static void selectIn(Connection connection, String selectWhereIn, Collection<String> keys, RowReader reader) throws SQLException {
        List<String> all = new ArrayList<>(new HashSet<>(keys));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(selectWhereIn + " (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }
    }

    /** Which of the keys already exist, as values of {@code column} in {@code table}. */
    static Set<String> existing(Connection connection, String table, String column, Collection<String> keys) throws SQLException {
        Set<String> found = new HashSet<>();
        selectIn(connection, "SELECT " + column + " FROM " + table + " WHERE " + column + " IN", keys,
                row -> found.add(row.getString(1)));
        return found;
    }

    /** Reports every line whose customer does not exist. */
    static <T> void requireCustomers(Connection connection, List<T> lines, Function<T, Integer> lineNumber,
                                     Function<T, String> customerId, List<ProblemDetail> errors) throws SQLException {
        Set<String> customers = existing(connection, "customers", "id", lines.stream().map(customerId).toList());
        for (T line : lines) {
            String customer = customerId.apply(line);
            if (!customers.contains(customer)) {
                errors.add(ProblemDetail.csv(lineNumber.apply(line), "customer_id", customer,
                        "customer_id " + customer + " does not exist; import customers first"));
            }
        }
    }

    /** Lines split into those whose key is new and those that replace an existing row. */
    record Split<T>(List<T> created, List<T> updated) {
        static <T> Split<T> by(List<T> lines, Set<String> existing, Function<T, String> key) {
            return new Split<>(lines.stream().filter(l -> !existing.contains(key.apply(l))).toList(),
                    lines.stream().filter(l -> existing.contains(key.apply(l))).toList());
        }
    }

    /** Executes {@code sql} once per item, in JDBC batches. */
    static <T> void batch(Connection connection, String sql, Collection<T> items, Binder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
                if (++pending == CHUNK) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }
}
