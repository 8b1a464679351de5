package io.salesrisk.ruleset.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesrisk.common.persistence.SqlDialect;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.ruleset.scenario.ScenarioResult;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Rule-set versions in the service's database (PostgreSQL or H2), through plain JDBC so a second engine (another
 * instance, a batch worker, a test) can share it without the rest of the service.
 */
public class JdbcRuleSetStore implements RuleSetStore {

    private static final TypeReference<List<CompileMessage>> MESSAGES = new TypeReference<>() { };
    private static final TypeReference<List<ScenarioResult>> SCENARIOS = new TypeReference<>() { };
    private static final String COLUMNS = "version, content_hash, status, origin, author, created_at, rule_count, messages, "
            + "scenario_results, scenarios_passed, approved_by, approved_at, activated_at, note";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final ObjectMapper mapper;

    public JdbcRuleSetStore(DataSource dataSource, SqlDialect dialect, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.mapper = mapper;
    }

    @Override
    public Optional<RuleSetRecord> find(String version) {
        List<RuleSetRecord> found = query("SELECT " + COLUMNS + " FROM rule_sets WHERE version = ?", version);
        return found.stream().findFirst();
    }

    @Override
    public List<RuleSetRecord> list() {
        return query("SELECT " + COLUMNS + " FROM rule_sets ORDER BY created_at DESC, version");
    }

    @Override
    public void insert(RuleSetRecord r, RuleSources files) {
        String json = dialect.jsonParameter();
        inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rule_sets (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, " + json + ", " + json + ", ?, ?, ?, ?, ?)")) {
                insert.setString(1, r.version());
                insert.setString(2, r.contentHash());
                insert.setString(3, r.status().name());
                insert.setString(4, r.origin().name());
                insert.setString(5, r.author());
                insert.setObject(6, r.createdAt());
                insert.setInt(7, r.ruleCount());
                insert.setString(8, write(r.messages()));
                insert.setString(9, write(r.scenarioResults()));
                insert.setBoolean(10, r.scenariosPassed());
                insert.setString(11, r.approvedBy());
                insert.setObject(12, r.approvedAt());
                insert.setObject(13, r.activatedAt());
                insert.setString(14, r.note());
                insert.executeUpdate();
            }
            try (PreparedStatement file = connection.prepareStatement(
                    "INSERT INTO rule_set_files (version, path, sha256, content) VALUES (?, ?, ?, ?)")) {
                for (RuleFile f : files.files()) {
                    file.setString(1, r.version());
                    file.setString(2, f.path());
                    file.setString(3, sha256(f.content()));
                    file.setBytes(4, f.content());
                    file.addBatch();
                }
                file.executeBatch();
            }
            event(connection, r.version(), r.status() == RuleSetStatus.REJECTED ? "REJECTED" : "REGISTERED", r.author(),
                    r.createdAt(), null, r.origin() + (r.note() == null ? "" : ": " + r.note()));
            return null;
        });
    }

    @Override
    public RuleSources files(String version) {
        List<RuleFile> files = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT path, content FROM rule_set_files WHERE version = ? ORDER BY path")) {
            select.setString(1, version);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    files.add(new RuleFile(rows.getString(1), rows.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the files of rule set " + version + " failed", e);
        }
        return new RuleSources(files);
    }

    @Override
    public Optional<String> activeVersion() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT active_version FROM rule_set_state WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the active rule set failed", e);
        }
    }

    @Override
    public void approve(String version, String approver, OffsetDateTime at) {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE rule_sets SET approved_by = ?, approved_at = ? WHERE version = ?")) {
                update.setString(1, approver);
                update.setObject(2, at);
                update.setString(3, version);
                update.executeUpdate();
            }
            event(connection, version, "APPROVED", approver, at, null, null);
            return null;
        });
    }

    @Override
    public Optional<String> activate(String version, String actor, OffsetDateTime at) {
        return inTransaction(connection -> {
            String previous;
            // the state row is the lock that serialises activations across instances
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT active_version FROM rule_set_state WHERE id = 1 FOR UPDATE");
                 ResultSet row = lock.executeQuery()) {
                row.next();
                previous = row.getString(1);
            }
            if (previous != null && !previous.equals(version)) {
                update(connection, "UPDATE rule_sets SET status = 'RETIRED' WHERE version = ?", previous);
                event(connection, previous, "RETIRED", actor, at, null, "replaced by " + version);
            }
            try (PreparedStatement activate = connection.prepareStatement(
                    "UPDATE rule_sets SET status = 'ACTIVE', activated_at = ? WHERE version = ?")) {
                activate.setObject(1, at);
                activate.setString(2, version);
                activate.executeUpdate();
            }
            try (PreparedStatement state = connection.prepareStatement(
                    "UPDATE rule_set_state SET active_version = ?, changed_at = ?, changed_by = ? WHERE id = 1")) {
                state.setString(1, version);
                state.setObject(2, at);
                state.setString(3, actor);
                state.executeUpdate();
            }
            event(connection, version, "ACTIVATED", actor, at, previous, null);
            return Optional.ofNullable(previous);
        });
    }

    @Override
    public List<RuleSetEvent> events(String version) {
        List<RuleSetEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT version, action, actor, occurred_at, "
                     + "previous_version, detail FROM rule_set_events WHERE version = ? ORDER BY occurred_at, id")) {
            select.setString(1, version);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new RuleSetEvent(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getObject(4, OffsetDateTime.class), rows.getString(5), rows.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the history of rule set " + version + " failed", e);
        }
        return events;
    }

    private List<RuleSetRecord> query(String sql, String... parameters) {
        List<RuleSetRecord> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    records.add(new RuleSetRecord(row.getString("version"), row.getString("content_hash"),
                            RuleSetStatus.valueOf(row.getString("status")), RuleSetOrigin.valueOf(row.getString("origin")),
                            row.getString("author"), row.getObject("created_at", OffsetDateTime.class), row.getInt("rule_count"),
                            read(row.getString("messages"), MESSAGES), read(row.getString("scenario_results"), SCENARIOS),
                            row.getBoolean("scenarios_passed"), row.getString("approved_by"),
                            row.getObject("approved_at", OffsetDateTime.class), row.getObject("activated_at", OffsetDateTime.class),
                            row.getString("note")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading rule sets failed", e);
        }
        return records;
    }

    private static void event(Connection connection, String version, String action, String actor, OffsetDateTime at,
                              String previous, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rule_set_events (version, action, actor, "
                + "occurred_at, previous_version, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, version);
            insert.setString(2, action);
            insert.setString(3, actor);
            insert.setObject(4, at);
            insert.setString(5, previous);
            insert.setString(6, detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)));
            insert.executeUpdate();
        }
    }

    private static void update(Connection connection, String sql, String version) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, version);
            update.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing rule sets failed: " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule-set data is not readable", e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
