package io.salesrisk.alert.persistence;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.SqlDialect;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Alerts in the database: raised in batches inside the caller's transaction, de-duplicated while open. */
@ApplicationScoped
public class AlertStore {

    /** How many alerts a batch opened and how many it found open already. */
    public record RaiseCounts(int opened, int repeated) {
    }

    public enum Status { OPEN, ACKNOWLEDGED, CLOSED }

    private static final String COLUMNS = "id, alert_type, subject_type, subject_id, owner, run_id, severity, status, message, "
            + "alert_values, first_seen, last_seen, occurrences, closed_at, closed_by";

    private final AgroalDataSource dataSource;
    private final JsonText json;
    private final String update;
    private final String insert;

    public AlertStore(AgroalDataSource dataSource, JsonText json, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.json = json;
        this.update = "UPDATE alerts SET last_seen = ?, occurrences = occurrences + 1, severity = ?, message = ?, "
                + "alert_values = " + dialect.jsonParameter() + ", run_id = ? WHERE open_key = ?";
        this.insert = "INSERT INTO alerts (id, alert_type, subject_type, subject_id, owner, run_id, open_key, severity, status, "
                + "message, alert_values, first_seen, last_seen, occurrences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, "
                + dialect.jsonParameter() + ", ?, ?, 1)";
    }

    /** Raises the alerts in the caller's transaction: updates the open ones, opens the others. */
    public RaiseCounts raise(Connection connection, List<NewAlert> alerts, OffsetDateTime now) throws SQLException {
        if (alerts.isEmpty()) {
            return new RaiseCounts(0, 0);
        }
        Timestamp at = Timestamp.from(now.toInstant());
        int[] updated;
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            for (NewAlert alert : alerts) {
                statement.setTimestamp(1, at);
                statement.setString(2, alert.severity().name());
                statement.setString(3, ColumnText.message(alert.message()));
                statement.setString(4, json.write(alert.values()));
                statement.setObject(5, alert.runId());
                statement.setString(6, alert.openKey());
                statement.addBatch();
            }
            updated = statement.executeBatch();
        }
        List<NewAlert> fresh = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            if (updated[i] == 0) {
                fresh.add(alerts.get(i));
            }
        }
        if (!fresh.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (NewAlert alert : fresh) {
                    statement.setObject(1, Ids.timeOrdered());
                    statement.setString(2, alert.type());
                    statement.setString(3, alert.subjectType());
                    statement.setString(4, alert.subjectId());
                    statement.setString(5, alert.owner());
                    statement.setObject(6, alert.runId());
                    statement.setString(7, alert.openKey());
                    statement.setString(8, alert.severity().name());
                    statement.setString(9, ColumnText.message(alert.message()));
                    statement.setString(10, json.write(alert.values()));
                    statement.setTimestamp(11, at);
                    statement.setTimestamp(12, at);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        return new RaiseCounts(fresh.size(), alerts.size() - fresh.size());
    }

    /** Alerts, newest first, optionally filtered by status, type and subject. */
    public List<AlertRecord> list(Status status, String type, String subjectId, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status.name());
        }
        if (type != null && !type.isBlank()) {
            sql.append(" AND alert_type = ?");
            values.add(type);
        }
        if (subjectId != null && !subjectId.isBlank()) {
            sql.append(" AND subject_id = ?");
            values.add(subjectId);
        }
        sql.append(" ORDER BY last_seen DESC, id DESC LIMIT ? OFFSET ?");
        values.add(limit);
        values.add(offset);
        return query(sql.toString(), values);
    }

    public Optional<AlertRecord> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM alerts WHERE id = ?", List.of(id)).stream().findFirst();
    }

    /** Acknowledges an open alert (it stays open, so repeats still update it); false when it is not open. */
    public boolean acknowledge(UUID id) {
        return execute("UPDATE alerts SET status = 'ACKNOWLEDGED' WHERE id = ? AND status = 'OPEN'", id, null, null) == 1;
    }

    /** Closes an alert; the next finding of the same kind opens a new one. False when it was closed already. */
    public boolean close(UUID id, String user, OffsetDateTime now) {
        return execute("UPDATE alerts SET status = 'CLOSED', open_key = NULL, closed_by = ?, closed_at = ? "
                + "WHERE id = ? AND status <> 'CLOSED'", id, user, now) == 1;
    }

    private int execute(String sql, UUID id, String user, OffsetDateTime now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (user != null) {
                statement.setString(i++, user);
                statement.setTimestamp(i++, Timestamp.from(now.toInstant()));
            }
            statement.setObject(i, id);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating alert " + id + " failed", e);
        }
    }

    private List<AlertRecord> query(String sql, List<Object> values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<AlertRecord> alerts = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    alerts.add(new AlertRecord(row.getObject("id", UUID.class), row.getString("alert_type"),
                            row.getString("subject_type"), row.getString("subject_id"), row.getString("owner"),
                            row.getObject("run_id", UUID.class), row.getString("severity"), row.getString("status"),
                            row.getString("message"), json.tree(row.getString("alert_values")),
                            time(row, "first_seen"), time(row, "last_seen"), row.getInt("occurrences"),
                            time(row, "closed_at"), row.getString("closed_by")));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new IllegalStateException("reading alerts failed", e);
        }
    }

    static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

}
