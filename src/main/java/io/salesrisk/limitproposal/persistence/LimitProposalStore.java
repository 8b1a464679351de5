package io.salesrisk.limitproposal.persistence;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.SqlDialect;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Limit proposals: at most one pending per customer; batch writes in the caller's transaction. */
@ApplicationScoped
public class LimitProposalStore {

    private static final String COLUMNS = "id, customer_id, run_id, current_limit, proposed_limit, status, reasons, created_at, "
            + "decided_by, decided_at";

    private final AgroalDataSource dataSource;
    private final JsonText json;
    private final String update;
    private final String insert;

    public LimitProposalStore(AgroalDataSource dataSource, JsonText json, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.json = json;
        this.update = "UPDATE limit_proposals SET run_id = ?, current_limit = ?, proposed_limit = ?, reasons = "
                + dialect.jsonParameter() + ", created_at = ? WHERE open_key = ?";
        this.insert = "INSERT INTO limit_proposals (id, customer_id, run_id, current_limit, proposed_limit, status, open_key, "
                + "reasons, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, " + dialect.jsonParameter() + ", ?)";
    }

    /** Stores the proposals, replacing each customer's pending one; returns how many were new. */
    public int propose(Connection connection, List<NewLimitProposal> proposals, OffsetDateTime now) throws SQLException {
        if (proposals.isEmpty()) {
            return 0;
        }
        Timestamp at = Timestamp.from(now.toInstant());
        int[] updated;
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            for (NewLimitProposal p : proposals) {
                statement.setObject(1, p.runId());
                statement.setBigDecimal(2, p.currentLimit());
                statement.setBigDecimal(3, p.proposedLimit());
                statement.setString(4, p.reasonsJson());
                statement.setTimestamp(5, at);
                statement.setString(6, p.customerId());
                statement.addBatch();
            }
            updated = statement.executeBatch();
        }
        int created = 0;
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (int i = 0; i < proposals.size(); i++) {
                if (updated[i] != 0) {
                    continue;
                }
                NewLimitProposal p = proposals.get(i);
                statement.setObject(1, Ids.timeOrdered());
                statement.setString(2, p.customerId());
                statement.setObject(3, p.runId());
                statement.setBigDecimal(4, p.currentLimit());
                statement.setBigDecimal(5, p.proposedLimit());
                statement.setString(6, p.customerId());
                statement.setString(7, p.reasonsJson());
                statement.setTimestamp(8, at);
                statement.addBatch();
                created++;
            }
            if (created > 0) {
                statement.executeBatch();
            }
        }
        return created;
    }

    /** Customers from {@code firstId} to {@code lastId} with a pending proposal. */
    public Set<String> pendingBetween(Connection connection, String firstId, String lastId) throws SQLException {
        Set<String> customers = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT open_key FROM limit_proposals WHERE open_key >= ? AND open_key <= ?")) {
            statement.setString(1, firstId);
            statement.setString(2, lastId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    customers.add(row.getString(1));
                }
            }
        }
        return customers;
    }

    /** Marks the customers' pending proposals SUPERSEDED: a newer assessment no longer proposes them. */
    public void supersede(Connection connection, Collection<String> customerIds, UUID runId, OffsetDateTime now) throws SQLException {
        if (customerIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE limit_proposals SET status = 'SUPERSEDED', "
                + "open_key = NULL, decided_by = ?, decided_at = ? WHERE open_key = ?")) {
            for (String customerId : customerIds) {
                statement.setString(1, "run " + runId);
                statement.setTimestamp(2, Timestamp.from(now.toInstant()));
                statement.setString(3, customerId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Proposals by status (null for all), oldest pending first. */
    public List<LimitProposalRecord> list(String status, String customerId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM limit_proposals WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status);
        }
        if (customerId != null) {
            sql.append(" AND customer_id = ?");
            values.add(customerId);
        }
        sql.append(" ORDER BY created_at, id LIMIT ?");
        values.add(limit);
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql.toString(), values);
        } catch (SQLException e) {
            throw new IllegalStateException("reading limit proposals failed", e);
        }
    }

    public Optional<LimitProposalRecord> find(Connection connection, UUID id, boolean forUpdate) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM limit_proposals WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                List.of(id)).stream().findFirst();
    }

    /** Records the decision on a pending proposal; false when it is no longer pending. */
    public boolean decide(Connection connection, UUID id, String status, String by, OffsetDateTime now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE limit_proposals SET status = ?, open_key = NULL, "
                + "decided_by = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'")) {
            statement.setString(1, status);
            statement.setString(2, by);
            statement.setTimestamp(3, Timestamp.from(now.toInstant()));
            statement.setObject(4, id);
            return statement.executeUpdate() == 1;
        }
    }

    private List<LimitProposalRecord> query(Connection connection, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<LimitProposalRecord> proposals = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    BigDecimal current = row.getBigDecimal("current_limit");
                    BigDecimal proposed = row.getBigDecimal("proposed_limit");
                    BigDecimal increase = current.signum() == 0 ? null
                            : proposed.subtract(current).multiply(BigDecimal.valueOf(100)).divide(current, 2, RoundingMode.HALF_UP);
                    proposals.add(new LimitProposalRecord(row.getObject("id", UUID.class), row.getString("customer_id"),
                            row.getObject("run_id", UUID.class), current, proposed, increase, row.getString("status"),
                            json.tree(row.getString("reasons")), row.getObject("created_at", OffsetDateTime.class),
                            row.getString("decided_by"), row.getObject("decided_at", OffsetDateTime.class)));
                }
            }
            return proposals;
        }
    }
}
