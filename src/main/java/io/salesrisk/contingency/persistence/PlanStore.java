package io.salesrisk.contingency.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.SqlDialect;
import io.salesrisk.contingency.catalog.PlanAction;
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

/**
 * Contingency plan activations. A plan is active at most once per scope: activating it again confirms it (with the
 * new figures) instead of starting another. Writes run in the caller's transaction.
 */
@ApplicationScoped
public class PlanStore {

    private static final TypeReference<List<PlanAction>> ACTIONS = new TypeReference<>() { };
    private static final String COLUMNS = "id, plan_code, risk_type, risk_level, scope, status, rule, message, trigger_values, "
            + "actions, run_id, activated_at, confirmed_at, ended_at, ended_by, end_reason";

    private final AgroalDataSource dataSource;
    private final JsonText json;
    private final String confirm;
    private final String insert;

    public PlanStore(AgroalDataSource dataSource, JsonText json, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.json = json;
        this.confirm = "UPDATE contingency_plans SET confirmed_at = ?, message = ?, trigger_values = "
                + dialect.jsonParameter() + ", run_id = ? WHERE active_key = ?";
        this.insert = "INSERT INTO contingency_plans (id, plan_code, risk_type, risk_level, scope, active_key, status, rule, "
                + "message, trigger_values, actions, run_id, activated_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, "
                + dialect.jsonParameter() + ", " + dialect.jsonParameter() + ", ?, ?, ?)";
    }

    /** Activates the plans or confirms those already active; returns the ones newly activated. */
    public List<PlanActivation> activate(Connection connection, List<PlanActivation> activations, OffsetDateTime now)
            throws SQLException {
        if (activations.isEmpty()) {
            return List.of();
        }
        Timestamp at = Timestamp.from(now.toInstant());
        int[] confirmed;
        try (PreparedStatement statement = connection.prepareStatement(confirm)) {
            for (PlanActivation activation : activations) {
                statement.setTimestamp(1, at);
                statement.setString(2, ColumnText.message(activation.message()));
                statement.setString(3, json.write(activation.values()));
                statement.setObject(4, activation.runId());
                statement.setString(5, activation.activeKey());
                statement.addBatch();
            }
            confirmed = statement.executeBatch();
        }
        List<PlanActivation> fresh = new ArrayList<>();
        for (int i = 0; i < activations.size(); i++) {
            if (confirmed[i] == 0) {
                fresh.add(activations.get(i));
            }
        }
        if (!fresh.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (PlanActivation activation : fresh) {
                    statement.setObject(1, Ids.timeOrdered());
                    statement.setString(2, activation.plan().code());
                    statement.setString(3, activation.risk().riskType());
                    statement.setString(4, String.valueOf(activation.risk().level()));
                    statement.setString(5, activation.scope());
                    statement.setString(6, activation.activeKey());
                    statement.setString(7, activation.rule());
                    statement.setString(8, ColumnText.message(activation.message()));
                    statement.setString(9, json.write(activation.values()));
                    statement.setString(10, json.write(activation.actions()));
                    statement.setObject(11, activation.runId());
                    statement.setTimestamp(12, at);
                    statement.setTimestamp(13, at);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        return fresh;
    }

    /** Ends active plans by id (in the caller's transaction); returns how many were active. */
    public int end(Connection connection, List<UUID> ids, String by, String reason, OffsetDateTime now) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE contingency_plans SET status = 'ENDED', "
                + "active_key = NULL, ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ? AND status = 'ACTIVE'")) {
            for (UUID id : ids) {
                statement.setTimestamp(1, Timestamp.from(now.toInstant()));
                statement.setString(2, by);
                statement.setString(3, ColumnText.message(reason));
                statement.setObject(4, id);
                statement.addBatch();
            }
            int ended = 0;
            for (int count : statement.executeBatch()) {
                ended += Math.max(count, 0);
            }
            return ended;
        }
    }

    /** Ends one plan in its own transaction; false when it was not active. */
    public boolean end(UUID id, String by, String reason, OffsetDateTime now) {
        try (Connection connection = dataSource.getConnection()) {
            return end(connection, List.of(id), by, reason, now) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("ending plan " + id + " failed", e);
        }
    }

    /** Every active plan. */
    public List<PlanRecord> active() {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, "SELECT " + COLUMNS + " FROM contingency_plans WHERE status = 'ACTIVE'", List.of());
        } catch (SQLException e) {
            throw new IllegalStateException("reading active contingency plans failed", e);
        }
    }

    /** The active plans of the portfolio, segments and industries: those a run's finishing step judges. */
    public List<PlanRecord> activeAboveCustomers() {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, "SELECT " + COLUMNS + " FROM contingency_plans WHERE status = 'ACTIVE' "
                    + "AND scope NOT LIKE 'CUSTOMER:%'", List.of());
        } catch (SQLException e) {
            throw new IllegalStateException("reading active contingency plans failed", e);
        }
    }

    /**
     * Changes whenever a plan is activated or ended (confirmations change nothing a plan does), so readers of the
     * active plans can skip re-reading them when nothing happened.
     */
    public String changeMark() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*), MAX(activated_at), MAX(ended_at) FROM contingency_plans");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1) + "|" + row.getObject(2, OffsetDateTime.class) + "|" + row.getObject(3, OffsetDateTime.class);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the contingency plans' change mark failed", e);
        }
    }

    /** Plans by status (ACTIVE, ENDED or null for all), newest first. */
    public List<PlanRecord> list(String status, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, "SELECT " + COLUMNS + " FROM contingency_plans"
                    + (status == null ? "" : " WHERE status = ?") + " ORDER BY activated_at DESC, id DESC LIMIT ?",
                    status == null ? List.of(limit) : List.of(status, limit));
        } catch (SQLException e) {
            throw new IllegalStateException("reading contingency plans failed", e);
        }
    }

    public Optional<PlanRecord> find(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, "SELECT " + COLUMNS + " FROM contingency_plans WHERE id = ?", List.of(id)).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("reading contingency plan " + id + " failed", e);
        }
    }

    /** Active plans with a scope from {@code fromScope} to {@code toScope} (a chunk's customers), in the caller's transaction. */
    public List<PlanRecord> activeWithScopeBetween(Connection connection, String fromScope, String toScope) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM contingency_plans WHERE status = 'ACTIVE' AND scope >= ? AND scope <= ?",
                List.of(fromScope, toScope));
    }

    private List<PlanRecord> query(Connection connection, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<PlanRecord> plans = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    plans.add(new PlanRecord(row.getObject("id", UUID.class), row.getString("plan_code"),
                            row.getString("risk_type"), row.getString("risk_level"), row.getString("scope"),
                            row.getString("status"), row.getString("rule"), row.getString("message"),
                            json.tree(row.getString("trigger_values")), json.read(row.getString("actions"), ACTIONS),
                            row.getObject("run_id", UUID.class), row.getObject("activated_at", OffsetDateTime.class),
                            row.getObject("confirmed_at", OffsetDateTime.class), row.getObject("ended_at", OffsetDateTime.class),
                            row.getString("ended_by"), row.getString("end_reason")));
                }
            }
            return plans;
        }
    }

}
