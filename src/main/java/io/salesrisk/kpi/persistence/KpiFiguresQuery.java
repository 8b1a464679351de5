package io.salesrisk.kpi.persistence;

import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.NamedSql;
import io.salesrisk.common.persistence.SqlResource;
import io.salesrisk.invoice.persistence.ReceivableSql;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures the process KPIs are computed from, aggregated by the database (src/main/resources/sql/kpi-*.sql) per
 * segment and region: every figure is a sum, so the service adds groups up to any scope without reading rows.
 * The only rows that reach Java are the decided holds' hold-to-decision times, since a median does not add up.
 * The statements are plain SQL that PostgreSQL and H2 both run.
 */
@ApplicationScoped
public class KpiFiguresQuery {

    /** The window the figures cover: {@code (periodStart, asOf]} as days, {@code [from, to)} as instants. */
    public record Window(LocalDate asOf, LocalDate periodStart, OffsetDateTime from, OffsetDateTime to,
                         OffsetDateTime waitingSince, BigDecimal contractAbove) {
    }

    /** Sums of one segment and region, by column name. */
    public record Group(String segment, String region, Map<String, BigDecimal> sums) {
    }

    /** A decided hold's segment, region and hours from hold to the officer's decision. */
    public record Decided(String segment, String region, double hours) {
    }

    private final Jdbc jdbc;
    private final NamedSql receivables;
    private final NamedSql holds;
    private final NamedSql orders;
    private final NamedSql sales;

    public KpiFiguresQuery(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.receivables = new NamedSql(SqlResource.load("kpi-receivables.sql",
                Map.of("open", ReceivableSql.OPEN, "overdue", ReceivableSql.OVERDUE)));
        this.holds = new NamedSql(SqlResource.load("kpi-holds.sql", Map.of()));
        this.orders = new NamedSql(SqlResource.load("kpi-orders.sql", Map.of()));
        this.sales = new NamedSql(SqlResource.load("kpi-sales.sql", Map.of()));
    }

    public List<Group> receivables(Window w) {
        return groups(receivables, Map.of("asOf", w.asOf(), "periodStart", w.periodStart(), "over90", w.asOf().minusDays(90)));
    }

    public List<Group> holds(Window w) {
        return groups(holds, Map.of("from", w.from(), "to", w.to(), "waitingSince", w.waitingSince()));
    }

    public List<Group> orders(Window w) {
        return groups(orders, Map.of("from", w.from(), "to", w.to(), "periodStart", w.periodStart(), "asOf", w.asOf(),
                "contractAbove", w.contractAbove()));
    }

    /** Sales of the month before the as-of month, of the three months up to it and of the same three a year before. */
    public List<Group> sales(YearMonth lastMonth) {
        return groups(sales, Map.of("lastMonth", lastMonth.atDay(1), "recentFrom", lastMonth.minusMonths(2).atDay(1),
                "priorFrom", lastMonth.minusMonths(14).atDay(1), "priorTo", lastMonth.minusMonths(12).atDay(1)));
    }

    /** Each sales rep's orders (not cancelled) in the month, for the reps' attainment. */
    public Map<String, BigDecimal> salesByRep(YearMonth month) {
        Map<String, BigDecimal> byRep = new LinkedHashMap<>();
        jdbc.read(sql -> sql.list("SELECT o.sales_rep, SUM(o.amount) FROM sales_orders o WHERE o.sales_rep IS NOT NULL"
                        + " AND o.order_date >= ? AND o.order_date <= ? AND o.status <> 'CANCELLED' GROUP BY o.sales_rep",
                List.of(month.atDay(1), month.atEndOfMonth()), row -> byRep.put(row.getString(1), row.getBigDecimal(2))));
        return byRep;
    }

    /** Holds an officer released or rejected in the window, with how long each waited. */
    public List<Decided> decided(Window w) {
        return jdbc.read(sql -> sql.list(new NamedSql("SELECT h.segment, h.region, h.opened_at, h.closed_at FROM holds h"
                        + " WHERE h.closed_at >= :from AND h.closed_at < :to AND (h.status = 'REJECTED' OR (h.status = 'RELEASED'"
                        + " AND COALESCE(h.resolution_code, '') <> 'AUTO_RELEASED'))"), Map.of("from", w.from(), "to", w.to()), 500,
                row -> new Decided(row.getString(1), row.getString(2), Duration.between(
                        row.getObject(3, OffsetDateTime.class), row.getObject(4, OffsetDateTime.class)).toSeconds() / 3600.0)));
    }

    private List<Group> groups(NamedSql statement, Map<String, Object> values) {
        return jdbc.read(sql -> sql.list(statement, values, 500, KpiFiguresQuery::group));
    }

    private static Group group(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (int i = 3; i <= meta.getColumnCount(); i++) {
            BigDecimal value = row.getBigDecimal(i);
            sums.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value == null ? BigDecimal.ZERO : value);
        }
        return new Group(row.getString(1), row.getString(2), sums);
    }
}
