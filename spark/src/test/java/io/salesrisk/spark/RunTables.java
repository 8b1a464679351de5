package io.salesrisk.spark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run leaves in the service's tables, without ids and times, in a stable order: to compare two runs. */
final class RunTables {

    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("customers", "SELECT id, score, risk_class, credit_limit, payment_terms_days, prepayment_required "
                + "FROM customers ORDER BY id");
        QUERIES.put("assessments", "SELECT customer_id, score_before, score, class_before, class_after, limit_before, "
                + "limit_after, limit_proposed, terms_before, terms_after, prepayment_before, prepayment, CAST(reasons AS TEXT) "
                + "FROM customer_assessments ORDER BY customer_id");
        QUERIES.put("failures", "SELECT customer_id, reason FROM reevaluation_failures ORDER BY customer_id");
        QUERIES.put("signals", "SELECT customer_id, signal_type, severity, rule, message, CAST(signal_values AS TEXT) "
                + "FROM risk_signals ORDER BY customer_id, signal_type, rule, message");
        QUERIES.put("proposals", "SELECT customer_id, current_limit, proposed_limit, status, CAST(reasons AS TEXT) "
                + "FROM limit_proposals ORDER BY customer_id");
        QUERIES.put("alerts", "SELECT alert_type, subject_type, subject_id, severity, status, message, "
                + "CAST(alert_values AS TEXT), occurrences FROM alerts ORDER BY subject_id, alert_type, message");
        QUERIES.put("plans", "SELECT plan_code, risk_type, risk_level, scope, status, rule, message, "
                + "CAST(trigger_values AS TEXT), CAST(actions AS TEXT) FROM contingency_plans ORDER BY scope, plan_code, rule");
        QUERIES.put("summary", "SELECT CAST(summary AS TEXT) FROM reevaluation_runs WHERE status = 'COMPLETED'");
    }

    private RunTables() {
    }

    /** Each table's rows as text lines. */
    static Map<String, List<String>> read(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery(query.getValue())) {
                    ResultSetMetaData meta = row.getMetaData();
                    while (row.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            line.append(column > 1 ? " | " : "").append(row.getString(column));
                        }
                        rows.add(line.toString());
                    }
                }
                tables.put(query.getKey(), rows);
            }
        }
        return tables;
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
