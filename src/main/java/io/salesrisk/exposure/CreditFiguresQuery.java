package io.salesrisk.exposure;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.persistence.NamedSql;
import io.salesrisk.common.persistence.SqlDialect;
import io.salesrisk.facts.Customer;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an order evaluation reads, in one round trip: the customer, the order if it exists, the invoice
 * aggregates (receivables, overdue items, payment behaviour) and the approved open orders, all summed by the
 * database over indexed rows of that one customer.
 */
@ApplicationScoped
public class CreditFiguresQuery {

    private final AgroalDataSource dataSource;
    private final NamedSql sql;

    public CreditFiguresQuery(AgroalDataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.sql = new NamedSql("""
                SELECT c.id, c.name, c.segment, c.region, c.industry, c.years_in_business, c.external_rating,
                       c.risk_class, c.credit_limit, c.payment_terms_days, c.prepayment_required,
                       eo.customer_id AS order_customer, eo.status AS order_status,
                       r.open_receivables, r.overdue_amount, r.oldest_overdue_due, r.invoices_due, r.paid_on_time,
                       r.days_late, r.credit_sales,
                       (SELECT COALESCE(SUM(o.amount), 0) FROM sales_orders o
                         WHERE o.customer_id = c.id AND o.status = 'APPROVED' AND o.id <> :orderId
                           AND (o.requested_delivery_date IS NULL OR o.requested_delivery_date <= :horizonEnd)) AS open_orders
                FROM customers c
                LEFT JOIN sales_orders eo ON eo.id = :orderId
                CROSS JOIN (
                  SELECT COALESCE(SUM(CASE WHEN i.paid_amount < i.amount THEN i.amount - i.paid_amount ELSE 0 END), 0) AS open_receivables,
                         COALESCE(SUM(CASE WHEN i.paid_amount < i.amount AND i.due_date < :asOf
                                           THEN i.amount - i.paid_amount ELSE 0 END), 0) AS overdue_amount,
                         MIN(CASE WHEN i.paid_amount < i.amount AND i.due_date < :asOf THEN i.due_date END) AS oldest_overdue_due,
                         COALESCE(SUM(CASE WHEN i.due_date >= :periodStart AND i.due_date < :asOf THEN 1 ELSE 0 END), 0) AS invoices_due,
                         COALESCE(SUM(CASE WHEN i.due_date >= :periodStart AND i.due_date < :asOf AND i.paid_amount >= i.amount
                                            AND i.paid_date <= i.due_date THEN 1 ELSE 0 END), 0) AS paid_on_time,
                         COALESCE(SUM(CASE WHEN i.due_date >= :periodStart AND i.due_date < :asOf THEN
                                        CASE WHEN i.paid_amount >= i.amount AND i.paid_date IS NOT NULL
                                             THEN CASE WHEN i.paid_date > i.due_date THEN %s ELSE 0 END
                                             ELSE %s END
                                      ELSE 0 END), 0) AS days_late,
                         COALESCE(SUM(CASE WHEN i.issue_date >= :periodStart AND i.issue_date <= :asOf
                                           THEN i.amount ELSE 0 END), 0) AS credit_sales
                  FROM invoices i WHERE i.customer_id = :customerId
                ) r
                WHERE c.id = :customerId
                """.formatted(dialect.daysBetween("i.due_date", "i.paid_date"),
                dialect.daysBetween("i.due_date", "CAST(:asOf AS DATE)")));
    }

    /** The order under evaluation, if it was stored before. */
    public record ExistingOrder(String customerId, String status) {
    }

    /** One customer's figures as of a day; {@code existingOrder} is null for a new order. */
    public record CreditFigures(Customer customer, ExistingOrder existingOrder, ReceivableFigures receivables,
                                BigDecimal openOrders) {
    }

    /**
     * @param orderId the order under evaluation (excluded from open orders), or null for a plain look-up
     */
    public Optional<CreditFigures> load(String customerId, String orderId, LocalDate asOf, LocalDate periodStart,
                                        LocalDate horizonEnd) {
        Map<String, Object> values = new HashMap<>();
        values.put("customerId", customerId);
        values.put("orderId", orderId == null ? "" : orderId);
        values.put("asOf", asOf);
        values.put("periodStart", periodStart);
        values.put("horizonEnd", horizonEnd);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = sql.prepare(connection, values);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            Customer customer = new Customer();
            customer.setId(row.getString("id"));
            customer.setName(row.getString("name"));
            customer.setSegment(row.getString("segment"));
            customer.setRegion(row.getString("region"));
            customer.setIndustry(row.getString("industry"));
            customer.setYearsInBusiness(row.getInt("years_in_business"));
            customer.setExternalRating(row.getString("external_rating"));
            customer.setRiskClass(row.getString("risk_class"));
            customer.setCreditLimit(row.getBigDecimal("credit_limit"));
            customer.setAllowedPaymentTermsDays(row.getInt("payment_terms_days"));
            customer.setPrepaymentRequired(row.getBoolean("prepayment_required"));
            String orderCustomer = row.getString("order_customer");
            ExistingOrder existing = orderCustomer == null ? null : new ExistingOrder(orderCustomer, row.getString("order_status"));
            Date oldest = row.getDate("oldest_overdue_due");
            ReceivableFigures receivables = new ReceivableFigures(row.getBigDecimal("open_receivables"),
                    row.getBigDecimal("overdue_amount"), oldest == null ? null : oldest.toLocalDate(),
                    row.getLong("invoices_due"), row.getLong("paid_on_time"), row.getLong("days_late"),
                    row.getBigDecimal("credit_sales"));
            return Optional.of(new CreditFigures(customer, existing, receivables, row.getBigDecimal("open_orders")));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the credit figures of customer " + customerId + " failed", e);
        }
    }
}
