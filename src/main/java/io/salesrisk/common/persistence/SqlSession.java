package io.salesrisk.common.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Set-based SQL on one connection: queries, updates and batches with their parameters bound in one way, and every
 * {@link SQLException} turned into a {@link DataAccessException} naming the statement. Used only where a benchmark
 * shows that set-based SQL is needed; everything else goes through Panache. The session never commits: the
 * connection belongs to the caller's transaction (JTA, or the group-commit decision writer's own).
 */
public final class SqlSession {

    /** Rows sent in one JDBC batch. */
    public static final int BATCH = 1000;

    /** Binds one item's values to a statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(Statement statement, T item) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Receives rows one by one, for results too large to hold. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /** Positional parameters of one statement, set in order. */
    public static final class Statement {
        private final PreparedStatement statement;
        private int index;

        Statement(PreparedStatement statement) {
            this.statement = statement;
        }

        /** Sets the next parameter: dates as SQL dates, enums by name, everything else as given. */
        public Statement set(Object value) throws SQLException {
            bind(statement, ++index, value);
            return this;
        }

        /** Sets the next parameters in order. */
        public Statement set(Object... values) throws SQLException {
            for (Object value : values) {
                set(value);
            }
            return this;
        }
    }

    private final Connection connection;

    private SqlSession(Connection connection) {
        this.connection = connection;
    }

    /** A session on a connection the caller owns (and commits). */
    public static SqlSession on(Connection connection) {
        return new SqlSession(connection);
    }

    public Connection connection() {
        return connection;
    }

    public <T> List<T> list(String sql, List<?> parameters, RowMapper<T> mapper) {
        return run(sql, () -> {
            try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    public <T> Optional<T> first(String sql, List<?> parameters, RowMapper<T> mapper) {
        return list(sql, parameters, mapper).stream().findFirst();
    }

    /** Runs a query with {@code :name} parameters. */
    public <T> List<T> list(NamedSql sql, Map<String, Object> values, int fetchSize, RowMapper<T> mapper) {
        return run(sql.sql(), () -> {
            try (PreparedStatement statement = sql.prepare(connection, values)) {
                statement.setFetchSize(fetchSize);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        });
    }

    /**
     * Runs {@code selectWhereIn (?, ?, ...)} for the keys in chunks of {@link #BATCH}, e.g.
     * {@code SELECT id FROM customers WHERE id IN}: existence checks of a whole import in a few round trips.
     */
    public <T> List<T> selectIn(String selectWhereIn, Collection<String> keys, RowMapper<T> mapper) {
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(keys));
        List<T> result = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            result.addAll(list(selectWhereIn + " (" + marks + ")", chunk, mapper));
        }
        return result;
    }

    /** Streams the rows of a query to the consumer with a server-side cursor of {@code fetchSize} rows. */
    public void forEach(String sql, List<?> parameters, int fetchSize, RowConsumer consumer) {
        run(sql, () -> {
            try (PreparedStatement statement = prepare(sql, parameters)) {
                statement.setFetchSize(fetchSize);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(rows);
                    }
                }
            }
            return null;
        });
    }

    /** Runs one statement; returns the rows it changed. */
    public int update(String sql, Object... parameters) {
        return run(sql, () -> {
            try (PreparedStatement statement = prepare(sql, List.of(parameters))) {
                return statement.executeUpdate();
            }
        });
    }

    /** Runs a statement without parameters, such as a session setting. */
    public void execute(String sql) {
        run(sql, () -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    /**
     * Runs the statement once per item in JDBC batches of {@link #BATCH}; returns the rows each item changed, in
     * item order (so "updated 0 rows" can tell which items still need an insert).
     */
    public <T> int[] batch(String sql, Collection<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return new int[0];
        }
        return run(sql, () -> {
            int[] counts = new int[items.size()];
            try (PreparedStatement prepared = connection.prepareStatement(sql)) {
                int done = 0;
                int pending = 0;
                for (T item : items) {
                    binder.bind(new Statement(prepared), item);
                    prepared.addBatch();
                    if (++pending == BATCH) {
                        done = copy(prepared.executeBatch(), counts, done);
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    copy(prepared.executeBatch(), counts, done);
                }
            }
            return counts;
        });
    }

    /** How many rows an upsert created and how many it replaced. */
    public record Upserted(int created, int updated) {
    }

    /**
     * Inserts the items whose key is not in {@code existing} and updates the others, each in batches. Both statements
     * take the same parameters in the same order (key columns last), so one binder serves both.
     */
    public <T> Upserted upsert(Collection<T> items, java.util.Set<String> existing, java.util.function.Function<T, String> key,
                               String insertSql, String updateSql, Binder<T> binder) {
        return upsert(items, existing, key, insertSql, updateSql, binder, binder);
    }

    /** As {@link #upsert(Collection, java.util.Set, java.util.function.Function, String, String, Binder)}, where an insert sets columns an update keeps. */
    public <T> Upserted upsert(Collection<T> items, java.util.Set<String> existing, java.util.function.Function<T, String> key,
                               String insertSql, String updateSql, Binder<T> insertBinder, Binder<T> updateBinder) {
        List<T> created = new ArrayList<>();
        List<T> updated = new ArrayList<>();
        for (T item : items) {
            (existing.contains(key.apply(item)) ? updated : created).add(item);
        }
        batch(insertSql, created, insertBinder);
        batch(updateSql, updated, updateBinder);
        return new Upserted(created.size(), updated.size());
    }

    private static int copy(int[] from, int[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    private PreparedStatement prepare(String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                bind(statement, i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof LocalDate date) {
            statement.setDate(index, Date.valueOf(date));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T run(String sql, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new DataAccessException(describe(sql) + " failed: " + e.getMessage(), e);
        }
    }

    /** The statement's first words, enough to tell which one failed without echoing it whole. */
    private static String describe(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "...";
    }
}
