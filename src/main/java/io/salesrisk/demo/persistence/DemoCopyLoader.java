package io.salesrisk.demo.persistence;

import io.salesrisk.demo.DemoCustomer;
import io.salesrisk.demo.DemoDataGenerator;
import io.salesrisk.demo.DemoDataLoader;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.function.IntConsumer;

/**
 * Loads generated customers into PostgreSQL with COPY, 10,000 at a time: the large data sets of the benchmarks and of
 * the Spark job's tests (a million customers in minutes). The generator gives the same customer for the same index,
 * so two databases loaded alike hold the same customers. PostgreSQL only; the service's demo data (a few hundred
 * customers, any database) goes through {@link DemoDataLoader}.
 */
public final class DemoCopyLoader {

    private static final int BATCH = 10_000;

    private DemoCopyLoader() {
    }

    /**
     * Loads customers 0 to {@code customers - 1}, their sales, invoices and orders, and the market index of the
     * generator's 24 months, on a migrated, empty database.
     *
     * @param progress told the number of customers loaded after each batch
     */
    public static void load(Connection connection, DemoDataGenerator generator, int customers, YearMonth lastMonth,
                            IntConsumer progress) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String now = OffsetDateTime.now().toString();
        try {
            for (int from = 0; from < customers; from += BATCH) {
                StringBuilder c = new StringBuilder();
                StringBuilder s = new StringBuilder();
                StringBuilder i = new StringBuilder();
                StringBuilder o = new StringBuilder();
                for (int index = from; index < Math.min(customers, from + BATCH); index++) {
                    DemoCustomer customer = generator.customer(index);
                    c.append(customer.id()).append('\t').append(customer.name()).append('\t').append(customer.segment())
                            .append('\t').append(customer.region()).append('\t').append(customer.industry()).append('\t')
                            .append(customer.yearsInBusiness()).append('\t').append(customer.externalRating()).append('\t')
                            .append(customer.riskClass()).append('\t').append(customer.creditLimit()).append('\t')
                            .append(customer.paymentTermsDays()).append('\t').append(now).append('\t').append(now).append('\n');
                    for (DemoCustomer.MonthlySales month : customer.sales()) {
                        s.append(customer.id()).append('\t').append(month.month().atDay(1)).append('\t').append(month.amount()).append('\n');
                    }
                    for (DemoCustomer.Invoice invoice : customer.invoices()) {
                        i.append(invoice.id()).append('\t').append(customer.id()).append('\t').append(invoice.issueDate())
                                .append('\t').append(invoice.dueDate()).append('\t').append(invoice.amount()).append('\t')
                                .append(invoice.paidAmount()).append('\t')
                                .append(invoice.paidDate() == null ? "\\N" : invoice.paidDate().toString()).append('\t')
                                .append(now).append('\n');
                    }
                    for (DemoCustomer.OpenOrder order : customer.orders()) {
                        o.append(order.id()).append('\t').append(customer.id()).append('\t').append(order.amount()).append("\tEUR\t")
                                .append(order.amount()).append('\t').append(order.orderDate()).append('\t')
                                .append(order.paymentTermsDays()).append('\t').append(order.discountPercent()).append('\t')
                                .append(order.contractSigned()).append('\t').append(order.salesRep()).append('\t')
                                .append(order.requestedDeliveryDate()).append('\t').append(order.status()).append('\t')
                                .append(now).append('\n');
                    }
                }
                copy.copyIn("COPY customers (id, name, segment, region, industry, years_in_business, external_rating, "
                        + "risk_class, credit_limit, payment_terms_days, created_at, updated_at) FROM STDIN", new StringReader(c.toString()));
                copy.copyIn("COPY sales_history (customer_id, sales_month, amount) FROM STDIN", new StringReader(s.toString()));
                copy.copyIn("COPY invoices (id, customer_id, issue_date, due_date, amount, paid_amount, paid_date, updated_at) "
                        + "FROM STDIN", new StringReader(i.toString()));
                copy.copyIn("COPY sales_orders (id, customer_id, amount, currency, original_amount, order_date, "
                        + "payment_terms_days, discount_percent, contract_signed, sales_rep, requested_delivery_date, status, "
                        + "updated_at) FROM STDIN", new StringReader(o.toString()));
                progress.accept(Math.min(customers, from + BATCH));
            }
            StringBuilder m = new StringBuilder();
            for (String industry : DemoDataGenerator.industries()) {
                for (int back = 23; back >= 0; back--) {
                    YearMonth month = lastMonth.minusMonths(back);
                    m.append(industry).append('\t').append(month.atDay(1)).append('\t')
                            .append(generator.marketIndex(industry, month)).append('\n');
                }
            }
            copy.copyIn("COPY market_index (industry, index_month, index_value) FROM STDIN", new StringReader(m.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }
}
