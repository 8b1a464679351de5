package io.salesrisk.limitproposal.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.limitproposal.persistence.LimitProposalRecord;
import io.salesrisk.limitproposal.persistence.LimitProposalStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A risk officer's decision on a limit increase. Approving applies the limit only if the customer's limit is still
 * the one the proposal started from; otherwise the proposal is stale and must be re-assessed.
 */
@ApplicationScoped
public class LimitProposalService {

    private final AgroalDataSource dataSource;
    private final LimitProposalStore store;
    private final Clock clock;

    public LimitProposalService(AgroalDataSource dataSource, LimitProposalStore store, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.clock = clock;
    }

    public LimitProposalRecord approve(UUID id, String user) {
        return decide(id, user, true);
    }

    public LimitProposalRecord reject(UUID id, String user) {
        return decide(id, user, false);
    }

    private LimitProposalRecord decide(UUID id, String user, boolean approve) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                LimitProposalRecord proposal = store.find(connection, id, true)
                        .orElseThrow(() -> new NotFoundException(null, "limit proposal " + id + " does not exist"));
                if (!"PENDING".equals(proposal.status())) {
                    throw new ConflictException("status", "limit proposal " + id + " is " + proposal.status() + ", not PENDING");
                }
                if (approve) {
                    BigDecimal current = currentLimit(connection, proposal.customerId());
                    if (current.compareTo(proposal.currentLimit()) != 0) {
                        throw new ConflictException("currentLimit", "the limit of customer " + proposal.customerId()
                                + " is " + current + " now, not " + proposal.currentLimit()
                                + " as when this was proposed; re-evaluate the customer");
                    }
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE customers SET credit_limit = ?, updated_at = ? WHERE id = ?")) {
                        update.setBigDecimal(1, proposal.proposedLimit());
                        update.setTimestamp(2, Timestamp.from(now.toInstant()));
                        update.setString(3, proposal.customerId());
                        update.executeUpdate();
                    }
                }
                store.decide(connection, id, approve ? "APPROVED" : "REJECTED", user, now);
                connection.commit();
                return store.find(connection, id, false).orElseThrow();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("deciding limit proposal " + id + " failed", e);
        }
    }

    private static BigDecimal currentLimit(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT credit_limit FROM customers WHERE id = ? FOR UPDATE")) {
            select.setString(1, customerId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException(null, "customer " + customerId + " does not exist");
                }
                return row.getBigDecimal(1);
            }
        }
    }
}
