package io.salesrisk.backtest.persistence;

import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.NamedSql;
import io.salesrisk.common.persistence.SqlResource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what happened to a range of customers after a backtest's as-of day, in one query per chunk
 * ({@code sql/backtest-outcomes.sql}): Java gets one row per customer, never the invoices or months themselves.
 */
@ApplicationScoped
public class BacktestOutcomeQuery {

    private static final int FETCH = 500;

    private final Jdbc jdbc;
    private final NamedSql query;

    public BacktestOutcomeQuery(Jdbc jdbc) {
        this.jdbc = jdbc;
        String overdueUntil = "LEAST(COALESCE(i.paid_date, CAST(:horizonEnd AS DATE)), CAST(:horizonEnd AS DATE))";
        this.query = new NamedSql(SqlResource.load("backtest-outcomes.sql",
                Map.of("daysOverdue", jdbc.dialect().daysBetween("i.due_date", overdueUntil))));
    }

    /**
     * The outcomes of the customers with ids from {@code firstId} to {@code lastId}, in id order: sales of the
     * {@code horizonMonths} months from the as-of month and of the 12 months before, overdue invoices and rejected
     * holds up to {@code asOf} plus the horizon.
     */
    public List<CustomerOutcome> load(String firstId, String lastId, LocalDate asOf, int horizonMonths, ZoneId zone) {
        LocalDate afterStart = YearMonth.from(asOf).atDay(1);
        LocalDate horizonEnd = asOf.plusMonths(horizonMonths);
        Map<String, Object> values = new HashMap<>();
        values.put("firstId", firstId);
        values.put("lastId", lastId);
        values.put("asOf", asOf);
        values.put("beforeStart", afterStart.minusMonths(CustomerOutcome.USUAL_SALES_MONTHS));
        values.put("afterStart", afterStart);
        values.put("afterEnd", afterStart.plusMonths(horizonMonths));
        values.put("horizonEnd", horizonEnd);
        values.put("asOfStart", asOf.atStartOfDay(zone).toOffsetDateTime());
        values.put("horizonEndStart", horizonEnd.atStartOfDay(zone).toOffsetDateTime());
        return jdbc.read(sql -> sql.list(query, values, FETCH, row -> new CustomerOutcome(row.getString("id"),
                horizonMonths, orZero(row.getBigDecimal("sales_before")), orZero(row.getBigDecimal("sales_after")),
                Math.max(0, row.getInt("max_days_overdue")), row.getInt("rejected_holds"))));
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
