package io.salesrisk.reevaluation.profile;

import io.salesrisk.common.persistence.NamedSql;
import io.salesrisk.common.persistence.SqlDialect;
import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the profiles of one chunk of customers (an id range within the run's scope) in one query: the database sums
 * 24 months of sales into the figures rules need (12-month totals, seasonal baseline, median and median absolute
 * deviation), ages the receivables into buckets, measures payment behaviour and DSO, and sums orders. Java gets one
 * row per customer, never the invoices or months themselves, so memory depends on the chunk size only.
 */
@ApplicationScoped
public class ProfileQuery {

    static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal NO_LIMIT_UTILIZATION = new BigDecimal("9999.9999");
    private static final BigDecimal Z_FACTOR = new BigDecimal("0.6745");
    /** Below this many months of history the customer's own spread says too little for a robust z-score. */
    static final int MIN_MONTHS_FOR_Z = 12;

    /** For runs over all customers: every customer in the id range is in scope. */
    private final NamedSql wholeRange;
    /** For a segment, region or list: rows are kept to the scope's customers before they are aggregated. */
    private final NamedSql scopedRange;
    private final boolean postgres;

    public ProfileQuery(SqlDialect dialect) {
        String daysLate = """
                CASE WHEN i.paid_amount >= i.amount AND i.paid_date IS NOT NULL
                     THEN CASE WHEN i.paid_date > i.due_date THEN %s ELSE 0 END
                     ELSE %s END""".formatted(dialect.daysBetween("i.due_date", "i.paid_date"),
                dialect.daysBetween("i.due_date", "CAST(:asOf AS DATE)"));
        // the aggregates read sales, invoices and orders by id range in index order: no sort of the chunk's rows
        String template = """
                WITH scoped AS (
                  SELECT c.id, c.segment, c.region, c.industry, c.years_in_business, c.external_rating, c.risk_class,
                         c.credit_limit, c.payment_terms_days, c.prepayment_required, c.score
                  FROM customers c
                  WHERE c.id >= :firstId AND c.id <= :lastId
                    AND (:segment = '' OR c.segment = :segment)
                    AND (:region = '' OR c.region = :region)
                    AND (:byIds = 0 OR c.id IN (SELECT x.customer_id FROM reevaluation_scope_ids x WHERE x.run_id = :runId))
                ),
                sales_figures AS (
                  SELECT s.customer_id,
                         COUNT(*) AS months,
                         SUM(CASE WHEN s.amount < 0 THEN 1 ELSE 0 END) AS negative_months,
                         PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s.amount) AS median_sales,
                         SUM(CASE WHEN s.sales_month >= :m12 THEN s.amount ELSE 0 END) AS sales_12m,
                         SUM(CASE WHEN s.sales_month < :m12 THEN s.amount ELSE 0 END) AS sales_previous_12m,
                         SUM(CASE WHEN s.sales_month < :m12 THEN 1 ELSE 0 END) AS months_previous_12m,
                         SUM(CASE WHEN s.sales_month = :m1 THEN s.amount ELSE 0 END) AS last_month,
                         SUM(CASE WHEN s.sales_month = :m2 THEN s.amount ELSE 0 END) AS previous_month,
                         SUM(CASE WHEN s.sales_month >= :m3 THEN s.amount ELSE 0 END) AS last_3_months,
                         SUM(CASE WHEN s.sales_month >= :m15 AND s.sales_month <= :m13 THEN s.amount ELSE 0 END) AS same_months_last_year
                  FROM sales_history s
                  WHERE s.customer_id >= :firstId AND s.customer_id <= :lastId
                    AND s.sales_month >= :m24 AND s.sales_month <= :m1 %2$s
                  GROUP BY s.customer_id
                ),
                sales_spread AS (
                  SELECT s.customer_id,
                         PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ABS(s.amount - f.median_sales)) AS mad_sales
                  FROM sales_history s JOIN sales_figures f ON f.customer_id = s.customer_id
                  WHERE s.customer_id >= :firstId AND s.customer_id <= :lastId
                    AND s.sales_month >= :m24 AND s.sales_month <= :m1
                  GROUP BY s.customer_id
                ),
                receivables AS (
                  SELECT i.customer_id,
                         SUM(CASE WHEN i.paid_amount < i.amount THEN i.amount - i.paid_amount ELSE 0 END) AS open_receivables,
                         SUM(CASE WHEN i.paid_amount < i.amount AND i.due_date >= :asOf THEN i.amount - i.paid_amount ELSE 0 END) AS not_due,
                         SUM(CASE WHEN i.paid_amount < i.amount AND i.due_date < :asOf AND i.due_date >= :d30
                                  THEN i.amount - i.paid_amount ELSE 0 END) AS overdue_1_30,
                         SUM(CASE WHEN i.paid_amount < i.amount AND i.due_date < :d30 AND i.due_date >= :d60
                                  THEN i.amount - i.paid_amount ELSE 0 END) AS overdue_31_60,
                         SUM(CASE WHEN i.paid_amount < i.amount AND i.due_date < :d60 AND i.due_date >= :d90
                                  THEN i.amount - i.paid_amount ELSE 0 END) AS overdue_61_90,
                         SUM(CASE WHEN i.paid_amount < i.amount AND i.due_date < :d90
                                  THEN i.amount - i.paid_amount ELSE 0 END) AS overdue_over_90,
                         MIN(CASE WHEN i.paid_amount < i.amount AND i.due_date < :asOf THEN i.due_date END) AS oldest_overdue_due,
                         SUM(CASE WHEN i.due_date >= :periodStart AND i.due_date < :asOf THEN 1 ELSE 0 END) AS invoices_due,
                         SUM(CASE WHEN i.due_date >= :periodStart AND i.due_date < :asOf AND i.paid_amount >= i.amount
                                   AND i.paid_date <= i.due_date THEN 1 ELSE 0 END) AS paid_on_time,
                         SUM(CASE WHEN i.due_date >= :halfStart AND i.due_date < :asOf THEN 1 ELSE 0 END) AS due_recent,
                         SUM(CASE WHEN i.due_date >= :halfStart AND i.due_date < :asOf THEN %1$s ELSE 0 END) AS days_late_recent,
                         SUM(CASE WHEN i.due_date >= :periodStart AND i.due_date < :halfStart THEN 1 ELSE 0 END) AS due_earlier,
                         SUM(CASE WHEN i.due_date >= :periodStart AND i.due_date < :halfStart THEN %1$s ELSE 0 END) AS days_late_earlier,
                         SUM(CASE WHEN i.issue_date >= :periodStart AND i.issue_date <= :asOf THEN i.amount ELSE 0 END) AS credit_sales,
                         PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN i.issue_date >= :periodStart
                                  AND i.issue_date <= :asOf THEN i.amount END) AS typical_invoice,
                         SUM(CASE WHEN i.amount < 0 OR i.paid_amount < 0 THEN 1 ELSE 0 END) AS negative_invoices
                  FROM invoices i
                  WHERE i.customer_id >= :firstId AND i.customer_id <= :lastId %3$s
                  GROUP BY i.customer_id
                ),
                orders AS (
                  SELECT o.customer_id,
                         SUM(CASE WHEN o.status = 'APPROVED' AND (o.requested_delivery_date IS NULL
                                   OR o.requested_delivery_date <= :horizonEnd) THEN o.amount ELSE 0 END) AS open_orders,
                         MAX(CASE WHEN o.order_date > :recentStart AND o.status <> 'CANCELLED' THEN o.amount END) AS largest_recent_order
                  FROM sales_orders o
                  WHERE o.customer_id >= :firstId AND o.customer_id <= :lastId %4$s
                  GROUP BY o.customer_id
                )
                SELECT sc.*, sf.months, sf.negative_months, sf.median_sales, sp.mad_sales, sf.sales_12m,
                       sf.sales_previous_12m, sf.months_previous_12m, sf.last_month, sf.previous_month, sf.last_3_months,
                       sf.same_months_last_year,
                       r.open_receivables, r.not_due, r.overdue_1_30, r.overdue_31_60, r.overdue_61_90, r.overdue_over_90,
                       r.oldest_overdue_due, r.invoices_due, r.paid_on_time, r.due_recent, r.days_late_recent,
                       r.due_earlier, r.days_late_earlier, r.credit_sales, r.typical_invoice, r.negative_invoices,
                       o.open_orders, o.largest_recent_order
                FROM scoped sc
                LEFT JOIN sales_figures sf ON sf.customer_id = sc.id
                LEFT JOIN sales_spread sp ON sp.customer_id = sc.id
                LEFT JOIN receivables r ON r.customer_id = sc.id
                LEFT JOIN orders o ON o.customer_id = sc.id
                ORDER BY sc.id
                """;
        this.wholeRange = new NamedSql(template.formatted(daysLate, "", "", ""));
        this.scopedRange = new NamedSql(template.formatted(daysLate, "AND s.customer_id IN (SELECT id FROM scoped)",
                "AND i.customer_id IN (SELECT id FROM scoped)", "AND o.customer_id IN (SELECT id FROM scoped)"));
        this.postgres = dialect.isPostgres();
    }

    /** The profiles of the customers of the scope with ids from {@code firstId} to {@code lastId}, in id order. */
    public List<CustomerFigures> load(Connection connection, UUID runId, RunScope scope, String firstId, String lastId,
                                      RunConstants constants) throws SQLException {
        ProfileWindow window = new ProfileWindow(constants.asOf(), constants.horizonDays());
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
        List<CustomerFigures> figures = new ArrayList<>();
        if (postgres) {
            // the per-customer medians sort in memory rather than spill to disk (for this transaction only)
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL work_mem = '32MB'");
            }
        }
        NamedSql sql = scope.kind() == RunScope.Kind.ALL ? wholeRange : scopedRange;
        try (PreparedStatement statement = sql.prepare(connection, values)) {
            statement.setFetchSize(500);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    figures.add(read(row, window, constants));
                }
            }
        }
        return figures;
    }

    private static CustomerFigures read(ResultSet row, ProfileWindow window, RunConstants constants) throws SQLException {
        String id = row.getString("id");
        CustomerProfile p = new CustomerProfile();
        p.setCustomerId(id);
        p.setSegment(row.getString("segment"));
        p.setRegion(row.getString("region"));
        p.setIndustry(row.getString("industry"));
        p.setYearsInBusiness(row.getInt("years_in_business"));
        String rating = row.getString("external_rating");
        p.setExternalRating(rating == null || rating.isBlank() ? "NR" : rating.trim());
        p.setPreviousRiskClass(row.getString("risk_class"));
        p.setPreviousCreditLimit(row.getBigDecimal("credit_limit"));
        p.setPreviousPaymentTermsDays(row.getInt("payment_terms_days"));
        p.setPreviousPrepaymentRequired(row.getBoolean("prepayment_required"));
        int previousScore = row.getInt("score");
        p.setPreviousScore(row.wasNull() ? null : previousScore);

        int months = row.getInt("months");
        BigDecimal sales12m = money(row, "sales_12m");
        String badData = badData(row, p, months, sales12m, window);
        if (badData != null) {
            return new CustomerFigures(id, null, badData);
        }
        p.setMonthsOfHistory(months);
        p.setSales12m(sales12m);
        BigDecimal previous12m = money(row, "sales_previous_12m");
        p.setSalesPrevious12m(previous12m);
        p.setSalesTrendPercent(row.getInt("months_previous_12m") == 0 ? BigDecimal.ZERO : change(sales12m, previous12m));
        BigDecimal lastMonth = money(row, "last_month");
        BigDecimal previousMonth = money(row, "previous_month");
        p.setLastMonthSales(lastMonth);
        p.setPreviousMonthSales(previousMonth);
        p.setMonthOverMonthDropPercent(drop(lastMonth, previousMonth));
        BigDecimal last3 = money(row, "last_3_months");
        BigDecimal sameMonthsLastYear = money(row, "same_months_last_year");
        p.setLast3MonthsSales(last3);
        p.setSameMonthsLastYearSales(sameMonthsLastYear);
        p.setSeasonalDropPercent(drop(last3, sameMonthsLastYear));
        BigDecimal median = decimal(row.getDouble("median_sales"), 2);
        BigDecimal mad = decimal(row.getDouble("mad_sales"), 2);
        p.setMedianMonthlySales(median);
        p.setMadMonthlySales(mad);
        // modified z-score (Iglewicz and Hoaglin): robust against the very outliers it looks for
        p.setRobustZ(months < MIN_MONTHS_FOR_Z || mad.signum() == 0 ? BigDecimal.ZERO
                : Z_FACTOR.multiply(lastMonth.subtract(median)).divide(mad, 4, RoundingMode.HALF_UP));
        p.setSalesSharePercent(constants.totalSales12m().signum() <= 0 ? BigDecimal.ZERO
                : sales12m.multiply(HUNDRED).divide(constants.totalSales12m(), 4, RoundingMode.HALF_UP));

        BigDecimal receivables = money(row, "open_receivables");
        p.setOpenReceivables(receivables);
        p.setNotDueAmount(money(row, "not_due"));
        p.setOverdue1To30(money(row, "overdue_1_30"));
        p.setOverdue31To60(money(row, "overdue_31_60"));
        p.setOverdue61To90(money(row, "overdue_61_90"));
        p.setOverdueOver90(money(row, "overdue_over_90"));
        p.setOverdueAmount(p.getOverdue1To30().add(p.getOverdue31To60()).add(p.getOverdue61To90()).add(p.getOverdueOver90()));
        Date oldest = row.getDate("oldest_overdue_due");
        p.setOldestOverdueDays(oldest == null ? 0 : (int) ChronoUnit.DAYS.between(oldest.toLocalDate(), window.asOf()));
        BigDecimal openOrders = money(row, "open_orders");
        p.setOpenOrders(openOrders);
        BigDecimal exposure = receivables.add(openOrders);
        p.setTotalExposure(exposure);
        BigDecimal limit = p.getPreviousCreditLimit();
        p.setUtilizationPercent(limit.signum() > 0 ? exposure.multiply(HUNDRED).divide(limit, 4, RoundingMode.HALF_UP)
                : exposure.signum() > 0 ? NO_LIMIT_UTILIZATION : BigDecimal.ZERO);
        BigDecimal creditSales = money(row, "credit_sales");
        p.setCreditSales12m(creditSales);
        p.setDsoDays(creditSales.signum() <= 0 ? BigDecimal.ZERO
                : receivables.multiply(BigDecimal.valueOf(window.periodDays())).divide(creditSales, 2, RoundingMode.HALF_UP));
        int due = row.getInt("invoices_due");
        p.setInvoicesDue(due);
        p.setOnTimePercent(due == 0 ? HUNDRED
                : BigDecimal.valueOf(row.getInt("paid_on_time")).multiply(HUNDRED).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP));
        int dueRecent = row.getInt("due_recent");
        int dueEarlier = row.getInt("due_earlier");
        BigDecimal lateRecent = average(row.getLong("days_late_recent"), dueRecent);
        BigDecimal lateEarlier = average(row.getLong("days_late_earlier"), dueEarlier);
        p.setAverageDaysLate(lateRecent);
        p.setAverageDaysLatePrevious(lateEarlier);
        p.setDaysLateIncrease(dueRecent == 0 || dueEarlier == 0 ? BigDecimal.ZERO : lateRecent.subtract(lateEarlier));
        BigDecimal largest = money(row, "largest_recent_order");
        BigDecimal typical = decimal(row.getDouble("typical_invoice"), 2);
        p.setLargestRecentOrder(largest);
        p.setTypicalOrder(typical);
        p.setOrderSpikeRatio(typical.signum() <= 0 ? BigDecimal.ZERO : largest.divide(typical, 2, RoundingMode.HALF_UP));
        p.setIndustryIndexDropPercent(constants.indexDropPercent(p.getIndustry()));
        return new CustomerFigures(id, p, null);
    }

    /** What keeps the customer's data from being assessed, or null. */
    private static String badData(ResultSet row, CustomerProfile p, int months, BigDecimal sales12m, ProfileWindow window)
            throws SQLException {
        if (months == 0) {
            return "missing history: no sales recorded from " + window.month(24) + " to " + window.month(1)
                    .withDayOfMonth(window.month(1).lengthOfMonth());
        }
        int negativeMonths = row.getInt("negative_months");
        if (negativeMonths > 0) {
            return "negative amounts: " + negativeMonths + " month(s) of negative sales";
        }
        int negativeInvoices = row.getInt("negative_invoices");
        if (negativeInvoices > 0) {
            return "negative amounts: " + negativeInvoices + " invoice(s) with a negative amount or payment";
        }
        if (sales12m.signum() == 0) {
            return "zero sales in the last 12 months: the credit limit is a share of those sales";
        }
        if (p.getYearsInBusiness() < 0) {
            return "negative years in business: " + p.getYearsInBusiness();
        }
        return null;
    }

    /** (current - before) / before in %, 0 when there is nothing before. */
    static BigDecimal change(BigDecimal current, BigDecimal before) {
        return before.signum() <= 0 ? BigDecimal.ZERO
                : current.subtract(before).multiply(HUNDRED).divide(before, 2, RoundingMode.HALF_UP);
    }

    /** How far current fell below before, in % (0 when it rose or there is nothing before). */
    public static BigDecimal drop(BigDecimal current, BigDecimal before) {
        BigDecimal change = change(current, before);
        return change.signum() < 0 ? change.negate() : BigDecimal.ZERO;
    }

    private static BigDecimal average(long total, int count) {
        return count == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
