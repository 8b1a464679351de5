package io.salesrisk.invoice.persistence;

import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The unpaid invoices of a range of customers, one row each: what a drill moves into older aging buckets. Only open
 * invoices are read, a small part of the table, in the customer-id index order the profile query reads.
 */
@ApplicationScoped
public class OpenInvoiceQuery {

    /** An unpaid invoice. */
    public record OpenInvoice(String id, String customerId, LocalDate dueDate, BigDecimal open) {
    }

    private static final String SQL = "SELECT i.id, i.customer_id, i.due_date, i.amount - i.paid_amount AS open_amount "
            + "FROM invoices i WHERE i.customer_id >= ? AND i.customer_id <= ? AND i.paid_amount < i.amount "
            + "ORDER BY i.customer_id, i.id";

    private final Jdbc jdbc;

    public OpenInvoiceQuery(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Open invoices of the customers with ids from {@code firstId} to {@code lastId}, by customer; reads only. */
    public List<OpenInvoice> between(String firstId, String lastId) {
        return jdbc.read(session -> session.list(SQL, List.of(firstId, lastId), row -> new OpenInvoice(row.getString("id"),
                row.getString("customer_id"), row.getObject("due_date", LocalDate.class), row.getBigDecimal("open_amount"))));
    }
}
