package io.salesrisk.kpi;

import io.agroal.api.AgroalDataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Rows written straight into the test database for the KPI tests, so every figure (days, timestamps) is exactly
 * what the hand computation in the test assumes. Each test uses its own segment and region.
 */
final class KpiData {

    private final AgroalDataSource db;

    KpiData(AgroalDataSource db) {
        this.db = db;
    }

    void customer(String id, String segment, String region) {
        run("INSERT INTO customers (id, name, segment, region, industry, years_in_business, external_rating, risk_class,"
                + " credit_limit, payment_terms_days, created_at, updated_at) VALUES (?, 'KPI Test GmbH', ?, ?, 'Wholesale',"
                + " 10, 'BBB', 'B', 1000000, 30, now(), now())", id, segment, region);
    }

    void invoice(String customer, LocalDate issued, LocalDate due, String amount, String paid, LocalDate paidOn) {
        run("INSERT INTO invoices (id, customer_id, issue_date, due_date, amount, paid_amount, paid_date, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, now())", "I-" + UUID.randomUUID(), customer, issued, due,
                new BigDecimal(amount), new BigDecimal(paid), paidOn);
    }

    String order(String customer, String amount, LocalDate orderDate, boolean contractSigned, String rep,
                 LocalDate requestedDelivery, String status) {
        String id = "O-" + UUID.randomUUID();
        run("INSERT INTO sales_orders (id, customer_id, amount, currency, original_amount, order_date, payment_terms_days,"
                + " discount_percent, contract_signed, sales_rep, requested_delivery_date, status, updated_at)"
                + " VALUES (?, ?, ?, 'EUR', ?, ?, 30, 0, ?, ?, ?, ?, now())", id, customer, new BigDecimal(amount),
                new BigDecimal(amount), orderDate, contractSigned, rep, requestedDelivery, status);
        return id;
    }

    void decision(String order, String customer, String outcome, OffsetDateTime at) {
        run("INSERT INTO decisions (id, order_id, customer_id, outcome, conditions, reasons, facts, fired_rules,"
                + " ruleset_version, evaluated_at, evaluated_by, engine_micros) VALUES (?, ?, ?, ?, CAST('[]' AS json),"
                + " CAST('[]' AS json), CAST('{}' AS json), CAST('[]' AS json), 'test', ?, 'test', 1)",
                UUID.randomUUID(), order, customer, outcome, at);
    }

    void shipped(String order, OffsetDateTime at) {
        run("INSERT INTO order_events (event_id, order_id, event_type, occurred_at, received_at, received_by, result)"
                + " VALUES (?, ?, 'SHIPPED', ?, ?, 'test', 'recorded')", "E-" + UUID.randomUUID(), order, at, at);
    }

    /** A hold; {@code status} OPEN leaves it open, else it closed at {@code closedAt}. */
    void hold(String order, String customer, String segment, String region, String holdingRules, boolean rehold,
              OffsetDateTime openedAt, String status, OffsetDateTime closedAt) {
        boolean open = status.equals("OPEN");
        run("INSERT INTO holds (id, order_id, open_order_id, is_open, status, customer_id, customer_name, segment, region,"
                + " risk_class, decision_id, outcome, holding_rules, reasons, amount, exposure, credit_limit,"
                + " amount_over_limit, rehold, opened_at, ready_to_release, closed_at, closed_by, resolution_code,"
                + " expiry_handled, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'KPI Test GmbH', ?, ?, 'B', ?, 'REVIEW', ?,"
                + " CAST('[]' AS json), 1000, 1000, 1000000, 0, ?, ?, FALSE, ?, ?, ?, FALSE, now())",
                UUID.randomUUID(), order, open ? order : null, open, status, customer, segment, region, UUID.randomUUID(),
                holdingRules, rehold, openedAt, closedAt, open ? null : "risk", open ? null
                        : status.equals("RELEASED") ? "CUSTOMER_PAID" : "CREDIT_RISK_TOO_HIGH");
    }

    void sales(String customer, LocalDate month, String amount) {
        run("INSERT INTO sales_history (customer_id, sales_month, amount) VALUES (?, ?, ?)", customer, month,
                new BigDecimal(amount));
    }

    void run(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                s.setObject(i + 1, v instanceof LocalDate d ? Date.valueOf(d) : v);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
