package io.salesrisk.reevaluation.persistence;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.json.JsonText;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads what runs changed and found: customer assessments with their reasons, and risk signals with their values. */
@ApplicationScoped
public class AssessmentHistory {

    /** A change to a customer made by a run, with the score's points and the reasons. */
    public record AssessmentRecord(UUID runId, String customerId, OffsetDateTime assessedAt, Integer scoreBefore, int score,
                                   String classBefore, String classAfter, BigDecimal limitBefore, BigDecimal limitAfter,
                                   BigDecimal limitProposed, int termsBefore, int termsAfter, boolean prepaymentBefore,
                                   boolean prepayment, Object reasons) {
    }

    /** An anomaly a run found, with the values it saw. */
    public record SignalRecord(UUID id, UUID runId, String customerId, String type, String severity, String rule,
                               String message, Object values, OffsetDateTime createdAt) {
    }

    private static final String ASSESSMENT_COLUMNS = "run_id, customer_id, assessed_at, score_before, score, class_before, "
            + "class_after, limit_before, limit_after, limit_proposed, terms_before, terms_after, prepayment_before, "
            + "prepayment, reasons";
    private static final String SIGNAL_COLUMNS = "id, run_id, customer_id, signal_type, severity, rule, message, "
            + "signal_values, created_at";

    private final AgroalDataSource dataSource;
    private final JsonText json;

    public AssessmentHistory(AgroalDataSource dataSource, JsonText json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A customer's assessments, newest first. */
    public List<AssessmentRecord> ofCustomer(String customerId, int limit) {
        return assessments("SELECT " + ASSESSMENT_COLUMNS + " FROM customer_assessments WHERE customer_id = ? "
                + "ORDER BY assessed_at DESC LIMIT ?", List.of(customerId, limit));
    }

    /** A run's assessments in customer order. */
    public List<AssessmentRecord> ofRun(UUID runId, int limit, int offset) {
        return assessments("SELECT " + ASSESSMENT_COLUMNS + " FROM customer_assessments WHERE run_id = ? "
                + "ORDER BY customer_id LIMIT ? OFFSET ?", List.of(runId, limit, offset));
    }

    public List<SignalRecord> signalsOfCustomer(String customerId, int limit) {
        return signals("SELECT " + SIGNAL_COLUMNS + " FROM risk_signals WHERE customer_id = ? ORDER BY created_at DESC, id "
                + "LIMIT ?", List.of(customerId, limit));
    }

    /** A run's signals, optionally of one type. */
    public List<SignalRecord> signalsOfRun(UUID runId, String type, int limit, int offset) {
        String wanted = type == null ? "" : type.trim();
        return signals("SELECT " + SIGNAL_COLUMNS + " FROM risk_signals WHERE run_id = ? AND (? = '' OR signal_type = ?) "
                + "ORDER BY customer_id, id LIMIT ? OFFSET ?", List.of(runId, wanted, wanted, limit, offset));
    }

    private List<AssessmentRecord> assessments(String sql, List<Object> parameters) {
        List<AssessmentRecord> records = new ArrayList<>();
        query(sql, parameters, row -> {
            int scoreBefore = row.getInt("score_before");
            records.add(new AssessmentRecord(row.getObject("run_id", UUID.class), row.getString("customer_id"),
                    row.getObject("assessed_at", OffsetDateTime.class), row.wasNull() ? null : scoreBefore,
                    row.getInt("score"), row.getString("class_before"), row.getString("class_after"),
                    row.getBigDecimal("limit_before"), row.getBigDecimal("limit_after"), row.getBigDecimal("limit_proposed"),
                    row.getInt("terms_before"), row.getInt("terms_after"), row.getBoolean("prepayment_before"),
                    row.getBoolean("prepayment"), json.tree(row.getString("reasons"))));
        });
        return records;
    }

    private List<SignalRecord> signals(String sql, List<Object> parameters) {
        List<SignalRecord> records = new ArrayList<>();
        query(sql, parameters, row -> records.add(new SignalRecord(row.getObject("id", UUID.class),
                row.getObject("run_id", UUID.class), row.getString("customer_id"), row.getString("signal_type"),
                row.getString("severity"), row.getString("rule"), row.getString("message"),
                json.tree(row.getString("signal_values")), row.getObject("created_at", OffsetDateTime.class))));
        return records;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading assessment history failed: " + e.getMessage(), e);
        }
    }
}
