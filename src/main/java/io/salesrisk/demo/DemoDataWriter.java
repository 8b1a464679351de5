package io.salesrisk.demo;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** Writes generated customers with their history through plain JDBC batches (works on H2 and PostgreSQL). */
public final class DemoDataWriter {

    private DemoDataWriter() {
    }

    /** Inserts the customers and everything they own; the caller owns the transaction. */
    public static void write(Connection connection, List<DemoCustomer> customers, OffsetDateTime now) throws SQLException {
        try (PreparedStatement c = connection.prepareStatement("""
                INSERT INTO customers (id, name, segment, region, industry, years_in_business, external_rating, risk_class,
                  credit_limit, payment_terms_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement s = connection.prepareStatement(
                     "INSERT INTO sales_history (customer_id, sales_month, amount) VALUES (?, ?, ?)");
             PreparedStatement i = connection.prepareStatement("""
                     INSERT INTO invoices (id, customer_id, order_id, issue_date, due_date, amount, paid_amount, paid_date, updated_at)
                     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement o = connection.prepareStatement("""
                     INSERT INTO sales_orders (id, customer_id, amount, currency, original_amount, order_date, payment_terms_days,
                       discount_percent, contract_signed, sales_rep, requested_delivery_date, status, updated_at)
                     VALUES (?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (DemoCustomer customer : customers) {
                c.setString(1, customer.id());
                c.setString(2, customer.name());
                c.setString(3, customer.segment());
                c.setString(4, customer.region());
                c.setString(5, customer.industry());
                c.setInt(6, customer.yearsInBusiness());
                c.setString(7, customer.externalRating());
                c.setString(8, customer.riskClass());
                c.setBigDecimal(9, customer.creditLimit());
                c.setInt(10, customer.paymentTermsDays());
                c.setObject(11, now);
                c.setObject(12, now);
                c.addBatch();
                for (DemoCustomer.MonthlySales month : customer.sales()) {
                    s.setString(1, customer.id());
                    s.setDate(2, Date.valueOf(month.month().atDay(1)));
                    s.setBigDecimal(3, month.amount());
                    s.addBatch();
                }
                for (DemoCustomer.Invoice invoice : customer.invoices()) {
                    i.setString(1, invoice.id());
                    i.setString(2, customer.id());
                    i.setDate(3, Date.valueOf(invoice.issueDate()));
                    i.setDate(4, Date.valueOf(invoice.dueDate()));
                    i.setBigDecimal(5, invoice.amount());
                    i.setBigDecimal(6, invoice.paidAmount());
                    i.setDate(7, invoice.paidDate() == null ? null : Date.valueOf(invoice.paidDate()));
                    i.setObject(8, now);
                    i.addBatch();
                }
                for (DemoCustomer.OpenOrder order : customer.orders()) {
                    o.setString(1, order.id());
                    o.setString(2, customer.id());
                    o.setBigDecimal(3, order.amount());
                    o.setBigDecimal(4, order.amount());
                    o.setDate(5, Date.valueOf(order.orderDate()));
                    o.setInt(6, order.paymentTermsDays());
                    o.setBigDecimal(7, order.discountPercent());
                    o.setBoolean(8, order.contractSigned());
                    o.setString(9, order.salesRep());
                    o.setDate(10, Date.valueOf(order.requestedDeliveryDate()));
                    o.setString(11, order.status());
                    o.setObject(12, now);
                    o.addBatch();
                }
            }
            c.executeBatch();
            s.executeBatch();
            i.executeBatch();
            o.executeBatch();
        }
    }

    /** Inserts 24 months of market index per industry, up to the month before {@code asOf}. */
    public static void writeMarketIndex(Connection connection, DemoDataGenerator generator, YearMonth lastMonth)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO market_index (industry, index_month, index_value) VALUES (?, ?, ?)")) {
            for (String industry : DemoDataGenerator.industries()) {
                for (int back = 23; back >= 0; back--) {
                    YearMonth month = lastMonth.minusMonths(back);
                    insert.setString(1, industry);
                    insert.setDate(2, Date.valueOf(month.atDay(1)));
                    insert.setBigDecimal(3, generator.marketIndex(industry, month));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
