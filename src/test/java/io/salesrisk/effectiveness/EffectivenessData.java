package io.salesrisk.effectiveness;

import io.agroal.api.AgroalDataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Rows written straight into the test database for the effectiveness tests: the history the report judges (invoices,
 * sales, re-evaluation runs, signals, alerts), and moving the decisions and holds that real evaluations and releases
 * made today back to a day of the past, so that the horizon of what happened next has passed and the period holds
 * nobody else's rows.
 */
final class EffectivenessData {

    private final AgroalDataSource db;

    EffectivenessData(AgroalDataSource db) {
        this.db = db;
    }

    /** A day of 2023 no other test of the run uses (the test database is cleaned at the start of each run). */
    static LocalDate pastDay(int salt) {
        return LocalDate.of(2023, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode() + salt, 360));
    }

    /** The orders' decisions, firings and holds as if evaluated on {@code day} at 10:00Z and decided at 12:00Z. */
    void moveOrdersTo(List<String> orders, LocalDate day) {
        OffsetDateTime evaluated = day.atTime(10, 0).atOffset(java.time.ZoneOffset.UTC);
        OffsetDateTime decided = day.atTime(12, 0).atOffset(java.time.ZoneOffset.UTC);
        for (String order : orders) {
            run("UPDATE decisions SET evaluated_at = ? WHERE order_id = ?", evaluated, order);
            run("UPDATE decision_rule_firings SET evaluated_at = ? WHERE order_id = ?", evaluated, order);
            run("UPDATE holds SET opened_at = ?, closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END"
                    + " WHERE order_id = ?", evaluated, decided, order);
        }
    }

    void customer(String id, String segment, OffsetDateTime created) {
        run("INSERT INTO customers (id, name, segment, region, industry, years_in_business, external_rating, risk_class,"
                + " credit_limit, payment_terms_days, created_at, updated_at) VALUES (?, 'Effect Test GmbH', ?, 'EFFREG',"
                + " 'Wholesale', 10, 'BBB', 'B', 100000, 30, ?, ?)", id, segment, created, created);
    }

    void invoice(String customer, LocalDate due, String amount, String paid, LocalDate paidOn) {
        run("INSERT INTO invoices (id, customer_id, issue_date, due_date, amount, paid_amount, paid_date, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, now())", "I-" + UUID.randomUUID(), customer, due.minusDays(30), due,
                new BigDecimal(amount), new BigDecimal(paid), paidOn);
    }

    void sales(String customer, LocalDate month, String amount) {
        run("INSERT INTO sales_history (customer_id, sales_month, amount) VALUES (?, ?, ?)", customer, month.withDayOfMonth(1),
                new BigDecimal(amount));
    }

    /** A finished run over a list of customers, as of {@code asOf}, created that day at 02:00Z. */
    UUID run(LocalDate asOf, List<String> customers) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = asOf.atTime(2, 0).atOffset(java.time.ZoneOffset.UTC);
        run("INSERT INTO reevaluation_runs (id, scope_key, scope, status, run_trigger, requested_by, as_of, ruleset_version,"
                + " constants, total, chunks, created_at, finished_at) VALUES (?, ?, CAST(? AS json), 'COMPLETED',"
                + " 'API', 'test', ?, 'test', CAST(? AS json), ?, 1, ?, ?)", id, "customers:" + id,
                // stored as a run stores them: the desk's dashboard and run list read every run
                "{\"kind\":\"CUSTOMERS\",\"value\":null,\"customers\":" + customers.size() + "}", asOf,
                "{\"asOf\":\"" + asOf + "\",\"totalSales12m\":0,\"industries\":{},\"autoIncreasePercent\":10,"
                        + "\"limitRounding\":1000,\"horizonDays\":90,\"paymentPeriodMonths\":12}",
                customers.size(), at, at);
        for (String customer : customers) {
            run("INSERT INTO reevaluation_scope_ids (run_id, customer_id) VALUES (?, ?)", id, customer);
        }
        return id;
    }

    void signal(UUID run, String customer, String type, String rule, OffsetDateTime at) {
        run("INSERT INTO risk_signals (id, run_id, customer_id, signal_type, severity, rule, message, signal_values,"
                + " created_at) VALUES (?, ?, ?, ?, 'HIGH', ?, 'test signal', CAST('{}' AS json), ?)",
                UUID.randomUUID(), run, customer, type, rule, at);
    }

    void alert(UUID run, String customer, String type, OffsetDateTime at) {
        run("INSERT INTO alerts (id, alert_type, subject_type, subject_id, run_id, severity, status, message, alert_values,"
                + " first_seen, last_seen, occurrences, closed_at) VALUES (?, ?, 'CUSTOMER', ?, ?, 'HIGH', 'CLOSED',"
                + " 'test alert', CAST('{}' AS json), ?, ?, 1, ?)", UUID.randomUUID(), type, customer, run, at, at, at);
    }

    long count(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void run(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            s.setObject(i + 1, v instanceof LocalDate d ? Date.valueOf(d) : v);
        }
    }
}
