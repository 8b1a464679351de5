package io.salesrisk.testsupport;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer with exactly the history a re-evaluation test needs (monthly sales, invoices, orders), written to the
 * database with plain SQL as an import would. Defaults: SMB, DACH, Manufacturing, 12 years, rating A, class B,
 * limit 100,000, 30 days.
 */
public final class ProfileData {

    private final String id;
    private String segment = "SMB";
    private String region = "DACH";
    private String industry = "Manufacturing";
    private int years = 12;
    private String rating = "A";
    private String riskClass = "B";
    private BigDecimal limit = new BigDecimal("100000");
    private final Map<YearMonth, BigDecimal> sales = new TreeMap<>();
    private final List<Object[]> invoices = new ArrayList<>();
    private final List<Object[]> orders = new ArrayList<>();

    private ProfileData(String id) {
        this.id = id;
    }

    public static ProfileData customer(String id) {
        return new ProfileData(id);
    }

    public String id() {
        return id;
    }

    public ProfileData segment(String segment) { this.segment = segment; return this; }
    public ProfileData region(String region) { this.region = region; return this; }
    public ProfileData industry(String industry) { this.industry = industry; return this; }
    public ProfileData years(int years) { this.years = years; return this; }
    public ProfileData rating(String rating) { this.rating = rating; return this; }
    public ProfileData riskClass(String riskClass) { this.riskClass = riskClass; return this; }
    public ProfileData limit(String limit) { this.limit = new BigDecimal(limit); return this; }

    /** The same amount in each of the {@code months} full months before {@code asOf}. */
    public ProfileData flatSales(LocalDate asOf, int months, String amount) {
        for (int back = 1; back <= months; back++) {
            sales.put(YearMonth.from(asOf).minusMonths(back), new BigDecimal(amount));
        }
        return this;
    }

    /** Sales of the n-th last full month before {@code asOf} (1 = the last one). */
    public ProfileData sale(LocalDate asOf, int monthsBack, String amount) {
        sales.put(YearMonth.from(asOf).minusMonths(monthsBack), new BigDecimal(amount));
        return this;
    }

    /** An invoice; {@code paidDate} null for an open one. */
    public ProfileData invoice(LocalDate issue, LocalDate due, String amount, String paid, LocalDate paidDate) {
        invoices.add(new Object[]{issue, due, new BigDecimal(amount), new BigDecimal(paid), paidDate});
        return this;
    }

    public ProfileData order(String amount, LocalDate orderDate, String status) {
        orders.add(new Object[]{new BigDecimal(amount), orderDate, status});
        return this;
    }

    public ProfileData insert(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            OffsetDateTime now = OffsetDateTime.now();
            try (PreparedStatement c = connection.prepareStatement("INSERT INTO customers (id, name, segment, region, industry, "
                    + "years_in_business, external_rating, risk_class, credit_limit, payment_terms_days, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 30, ?, ?)")) {
                c.setString(1, id);
                c.setString(2, "Profile " + id);
                c.setString(3, segment);
                c.setString(4, region);
                c.setString(5, industry);
                c.setInt(6, years);
                c.setString(7, rating);
                c.setString(8, riskClass);
                c.setBigDecimal(9, limit);
                c.setObject(10, now);
                c.setObject(11, now);
                c.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO sales_history (customer_id, sales_month, amount) VALUES (?, ?, ?)")) {
                for (Map.Entry<YearMonth, BigDecimal> month : sales.entrySet()) {
                    s.setString(1, id);
                    s.setDate(2, Date.valueOf(month.getKey().atDay(1)));
                    s.setBigDecimal(3, month.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement i = connection.prepareStatement("INSERT INTO invoices (id, customer_id, issue_date, due_date, "
                    + "amount, paid_amount, paid_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Object[] invoice : invoices) {
                    i.setString(1, id + "-I" + (++n));
                    i.setString(2, id);
                    i.setDate(3, Date.valueOf((LocalDate) invoice[0]));
                    i.setDate(4, Date.valueOf((LocalDate) invoice[1]));
                    i.setBigDecimal(5, (BigDecimal) invoice[2]);
                    i.setBigDecimal(6, (BigDecimal) invoice[3]);
                    i.setDate(7, invoice[4] == null ? null : Date.valueOf((LocalDate) invoice[4]));
                    i.setObject(8, now);
                    i.addBatch();
                }
                i.executeBatch();
            }
            try (PreparedStatement o = connection.prepareStatement("INSERT INTO sales_orders (id, customer_id, amount, currency, "
                    + "original_amount, order_date, payment_terms_days, discount_percent, contract_signed, sales_rep, "
                    + "requested_delivery_date, status, updated_at) VALUES (?, ?, ?, 'EUR', ?, ?, 30, 0, TRUE, 'rep-01', ?, ?, ?)")) {
                int n = 0;
                for (Object[] order : orders) {
                    o.setString(1, id + "-O" + (++n));
                    o.setString(2, id);
                    o.setBigDecimal(3, (BigDecimal) order[0]);
                    o.setBigDecimal(4, (BigDecimal) order[0]);
                    o.setDate(5, Date.valueOf((LocalDate) order[1]));
                    o.setDate(6, Date.valueOf(((LocalDate) order[1]).plusDays(20)));
                    o.setString(7, (String) order[2]);
                    o.setObject(8, now);
                    o.addBatch();
                }
                o.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inserting " + id + " failed: " + e.getMessage(), e);
        }
        return this;
    }
}
