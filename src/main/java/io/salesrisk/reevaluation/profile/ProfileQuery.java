package io.salesrisk.reevaluation.profile;

import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.NamedSql;
import io.salesrisk.common.persistence.SqlResource;
import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.invoice.persistence.ReceivableFigures;
import io.salesrisk.invoice.persistence.ReceivableSql;
import io.salesrisk.order.persistence.OpenOrderSql;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the profiles of one chunk of customers in one query ({@code sql/customer-profiles.sql}): Java gets one row per
 * customer, never the invoices or months themselves, so memory depends on the chunk size only. This query is what
 * lets a run over 1,000,000 customers take about 12 plain scans of its data (README, Performance). The figures are
 * derived by {@link ProfileDerivation}.
 */
@ApplicationScoped
public class ProfileQuery {

    private static final int FETCH = 500;

    private final Jdbc jdbc;
    /** For runs over all customers: every customer in the id range is in scope. */
    private final NamedSql wholeRange;
    /** For a segment, region or list: rows are kept to the scope's customers before they are aggregated. */
    private final NamedSql scopedRange;
    /** For backtests: invoices and orders as they were known on the as-of day, over all customers or a segment or region. */
    private final NamedSql asKnownOn;
    private final NamedSql scopedAsKnownOn;

    /**
     * An invoice as known on {@code :asOf}: issued by then, and paid only if paid by then (a payment without a date
     * counts as not made, since when it came is unknown).
     */
    static final String INVOICES_AS_KNOWN = "(SELECT iv.customer_id, iv.issue_date, iv.due_date, iv.amount, "
            + "CASE WHEN iv.paid_date IS NOT NULL AND iv.paid_date <= :asOf THEN iv.paid_amount ELSE 0 END AS paid_amount, "
            + "CASE WHEN iv.paid_date IS NOT NULL AND iv.paid_date <= :asOf THEN iv.paid_date END AS paid_date "
            + "FROM invoices iv WHERE iv.issue_date <= :asOf)";
    /** Orders placed by {@code :asOf}, with their status of today (order history keeps no earlier status). */
    static final String ORDERS_AS_KNOWN = "(SELECT so.customer_id, so.amount, so.status, so.order_date, so.requested_delivery_date "
            + "FROM sales_orders so WHERE so.order_date <= :asOf)";

    public ProfileQuery(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.wholeRange = new NamedSql(sql("", "", "", "invoices", "sales_orders"));
        this.scopedRange = new NamedSql(sql("AND s.customer_id IN (SELECT id FROM scoped)",
                "AND i.customer_id IN (SELECT id FROM scoped)", "AND o.customer_id IN (SELECT id FROM scoped)",
                "invoices", "sales_orders"));
        this.asKnownOn = new NamedSql(sql("", "", "", INVOICES_AS_KNOWN, ORDERS_AS_KNOWN));
        this.scopedAsKnownOn = new NamedSql(sql("AND s.customer_id IN (SELECT id FROM scoped)",
                "AND i.customer_id IN (SELECT id FROM scoped)", "AND o.customer_id IN (SELECT id FROM scoped)",
                INVOICES_AS_KNOWN, ORDERS_AS_KNOWN));
    }

    private String sql(String inScopeSales, String inScopeInvoices, String inScopeOrders, String invoices, String orders) {
        return SqlResource.load("customer-profiles.sql", Map.of("receivables", ReceivableSql.figures(jdbc.dialect()),
                "open", ReceivableSql.OPEN, "overdue", ReceivableSql.OVERDUE, "daysLate", ReceivableSql.daysLate(jdbc.dialect()),
                "openOrders", OpenOrderSql.COUNTS_IN_EXPOSURE, "inScopeSales", inScopeSales,
                "inScopeInvoices", inScopeInvoices, "inScopeOrders", inScopeOrders, "invoices", invoices, "orders", orders));
    }

    /**
     * The profiles of the customers of the scope with ids from {@code firstId} to {@code lastId}, in id order, in
     * the caller's transaction.
     */
    public List<CustomerFigures> load(UUID runId, RunScope scope, String firstId, String lastId, RunConstants constants) {
        return load(scope.kind() == RunScope.Kind.ALL ? wholeRange : scopedRange, runId, scope, firstId, lastId, constants);
    }

    /**
     * The profiles of the customers of the scope (all, a segment or a region) with ids from {@code firstId} to
     * {@code lastId} as the data stood on the constants' as-of day, for backtests: sales up to the month before,
     * invoices issued and payments made by then, orders placed by then. Master data (segment, industry, previous
     * class and limit) is today's.
     */
    @Transactional
    public List<CustomerFigures> loadAsKnownOn(RunScope scope, String firstId, String lastId, RunConstants constants) {
        if (scope.kind() == RunScope.Kind.CUSTOMERS) {
            throw new IllegalArgumentException("backtests cover all customers, a segment or a region");
        }
        return load(scope.kind() == RunScope.Kind.ALL ? asKnownOn : scopedAsKnownOn, new UUID(0, 0), scope, firstId,
                lastId, constants);
    }

    private List<CustomerFigures> load(NamedSql query, UUID runId, RunScope scope, String firstId, String lastId,
                                       RunConstants constants) {
        ProfileWindow window = ProfileWindow.of(constants);
        return query(query, runId, scope, firstId, lastId, constants,
                row -> ProfileDerivation.derive(read(row), window, constants));
    }

    /**
     * The summed-up rows of the customers with ids from {@code firstId} to {@code lastId}, not yet derived: a drill
     * changes them (as if the facts were different) before {@link ProfileDerivation#derive}. Reads only.
     */
    public List<ProfileRow> rows(RunScope scope, String firstId, String lastId, RunConstants constants) {
        return query(scope.kind() == RunScope.Kind.ALL ? wholeRange : scopedRange, new UUID(0, 0), scope, firstId, lastId,
                constants, ProfileQuery::read);
    }

    private <T> List<T> query(NamedSql query, UUID runId, RunScope scope, String firstId, String lastId,
                              RunConstants constants, SqlSession.RowMapper<T> mapper) {
        ProfileWindow window = ProfileWindow.of(constants);
        Map<String, Object> values = new HashMap<>();
        values.put("runId", runId);
        values.put("firstId", firstId);
        values.put("lastId", lastId);
        values.put("segment", scope.kind() == RunScope.Kind.SEGMENT ? scope.value() : "");
        values.put("region", scope.kind() == RunScope.Kind.REGION ? scope.value() : "");
        values.put("byIds", scope.kind() == RunScope.Kind.CUSTOMERS ? 1 : 0);
        for (int month : new int[]{1, 2, 3, 12, 13, 15, 24}) {
            values.put("m" + month, window.month(month));
        }
        LocalDate asOf = constants.asOf();
        values.put("asOf", asOf);
        values.put("d30", asOf.minusDays(30));
        values.put("d60", asOf.minusDays(60));
        values.put("d90", asOf.minusDays(90));
        values.put("periodStart", window.periodStart());
        values.put("halfStart", window.halfStart());
        values.put("horizonEnd", window.horizonEnd());
        values.put("recentStart", window.recentOrdersStart());
        return jdbc.write(session -> {
            if (jdbc.dialect().isPostgres()) {
                // the per-customer medians sort in memory rather than spill to disk (for this transaction only)
                session.execute("SET LOCAL work_mem = '32MB'");
            }
            return session.list(query, values, FETCH, mapper);
        });
    }

    static ProfileRow read(ResultSet row) throws SQLException {
        int previousScore = row.getInt("score");
        Integer score = row.wasNull() ? null : previousScore;
        return new ProfileRow(row.getString("id"), row.getString("segment"), row.getString("region"),
                row.getString("industry"), row.getInt("years_in_business"), row.getString("external_rating"),
                row.getString("risk_class"), row.getBigDecimal("credit_limit"), row.getInt("payment_terms_days"),
                row.getBoolean("prepayment_required"), score,
                new ProfileRow.Sales(row.getInt("months"), row.getObject("first_sales_month", LocalDate.class),
                        row.getInt("purchase_months"), row.getObject("first_purchase_month", LocalDate.class),
                        row.getObject("last_purchase_month", LocalDate.class), row.getInt("negative_months"), row.getDouble("median_sales"),
                        row.getDouble("mad_sales"), row.getBigDecimal("sales_12m"), row.getBigDecimal("sales_previous_12m"),
                        row.getInt("months_previous_12m"), row.getBigDecimal("last_month"), row.getBigDecimal("previous_month"),
                        row.getBigDecimal("last_3_months"), row.getBigDecimal("same_months_last_year")),
                ReceivableFigures.read(row),
                new ProfileRow.Aging(row.getBigDecimal("not_due"), row.getBigDecimal("overdue_1_30"),
                        row.getBigDecimal("overdue_31_60"), row.getBigDecimal("overdue_61_90"),
                        row.getBigDecimal("overdue_over_90"), row.getInt("due_recent"), row.getLong("days_late_recent"),
                        row.getInt("due_earlier"), row.getLong("days_late_earlier"), row.getDouble("typical_invoice"),
                        row.getDouble("large_invoice"), row.getInt("invoices_issued"),
                        row.getInt("negative_invoices")),
                new ProfileRow.Orders(row.getBigDecimal("open_orders"), row.getBigDecimal("largest_recent_order")));
    }
}
