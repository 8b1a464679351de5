package io.salesrisk.order.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.SqlSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one writer of the {@code sales_orders} table. Single changes go through Panache; evaluated orders are written
 * by the group-commit decision writer on its own connection (EndpointBenchmark: thousands of evaluated and stored
 * orders per second), and imports and demo data in JDBC batches (ImportBenchmark: a 20,000-row import runs at about 30,000 rows/s, one entity per row through the API at about 480).
 */
@ApplicationScoped
public class SalesOrderRepository implements PanacheRepositoryBase<SalesOrderEntity, String> {

    private static final String INSERT = """
            INSERT INTO sales_orders (customer_id, amount, currency, original_amount, order_date, payment_terms_days,
              discount_percent, contract_signed, sales_rep, requested_delivery_date, status, last_decision_id, updated_at, entered_by, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE sales_orders SET customer_id = ?, amount = ?, currency = ?, original_amount = ?, order_date = ?,
              payment_terms_days = ?, discount_percent = ?, contract_signed = ?, sales_rep = ?, requested_delivery_date = ?,
              status = ?, last_decision_id = ?, updated_at = ? WHERE id = ?""";
    private static final SqlSession.Binder<OrderRow> BIND = (s, o) -> s.set(o.customerId(), o.amount(), o.currency(),
            o.originalAmount(), o.orderDate(), o.paymentTermsDays(), o.discountPercent(), o.contractSigned(), o.salesRep(),
            o.requestedDeliveryDate(), o.status(), o.lastDecisionId(), o.updatedAt(), o.id());
    private static final SqlSession.Binder<OrderRow> BIND_INSERT = (s, o) -> s.set(o.customerId(), o.amount(), o.currency(),
            o.originalAmount(), o.orderDate(), o.paymentTermsDays(), o.discountPercent(), o.contractSigned(), o.salesRep(),
            o.requestedDeliveryDate(), o.status(), o.lastDecisionId(), o.updatedAt(), o.enteredBy(), o.id());

    private final Jdbc jdbc;

    public SalesOrderRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A customer's orders, newest first (order date, then last change), each with the outcome of its latest decision
     * (the decision the order row points to).
     */
    public List<CustomerOrder> ofCustomer(String customerId, int limit, int offset) {
        return jdbc.read(sql -> sql.list("""
                SELECT o.id, o.amount, o.currency, o.original_amount, o.order_date, o.status, o.updated_at,
                       d.outcome, d.evaluated_at, d.ruleset_version
                FROM sales_orders o LEFT JOIN decisions d ON d.id = o.last_decision_id
                WHERE o.customer_id = ? ORDER BY o.order_date DESC, o.updated_at DESC, o.id DESC LIMIT ? OFFSET ?""",
                List.of(customerId, limit, offset), row -> {
                    java.sql.Date orderDate = row.getDate("order_date");
                    return new CustomerOrder(row.getString("id"), row.getBigDecimal("amount"), row.getString("currency"),
                            row.getBigDecimal("original_amount"), orderDate == null ? null : orderDate.toLocalDate(),
                            OrderStatus.valueOf(row.getString("status")), row.getObject("updated_at", java.time.OffsetDateTime.class),
                            row.getString("outcome"), row.getObject("evaluated_at", java.time.OffsetDateTime.class),
                            row.getString("ruleset_version"));
                }));
    }

    /** How many orders a customer has. */
    public long countOfCustomer(String customerId) {
        return count("customerId", customerId);
    }

    /** Marks an order invoiced once an invoice references it; unknown order ids are ignored. */
    public void markInvoiced(String orderId) {
        update("status = ?1 where id = ?2 and status <> ?1", OrderStatus.INVOICED, orderId);
    }

    /** Sets an order's status (a release, a rejection, a lifecycle event); returns whether the order exists. */
    public boolean markStatus(String orderId, OrderStatus status, java.time.OffsetDateTime at) {
        return update("status = ?1, updatedAt = ?2 where id = ?3", status, at, orderId) == 1;
    }

    /** The order with its row locked, so lifecycle events and actions on it take turns. */
    public java.util.Optional<SalesOrderEntity> findForUpdate(String orderId) {
        return findByIdOptional(orderId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** Marks the orders invoiced, in batches, for an invoice import. */
    public void markAllInvoiced(Collection<String> orderIds) {
        jdbc.write(sql -> sql.batch("UPDATE sales_orders SET status = ? WHERE id = ?", List.copyOf(orderIds),
                (s, id) -> s.set(OrderStatus.INVOICED, id)));
    }

    /** The customer of each order that exists, by order id. */
    public Map<String, String> customersOf(Collection<String> orderIds) {
        Map<String, String> owners = new HashMap<>();
        jdbc.read(sql -> sql.selectIn("SELECT id, customer_id FROM sales_orders WHERE id IN", orderIds,
                row -> owners.put(row.getString(1), row.getString(2))));
        return owners;
    }

    /** Creates the new orders and replaces the existing ones, in batches. */
    public SqlSession.Upserted upsertAll(List<OrderRow> rows) {
        Set<String> existing = customersOf(rows.stream().map(OrderRow::id).toList()).keySet();
        return jdbc.write(sql -> sql.upsert(rows, new HashSet<>(existing), OrderRow::id, INSERT, UPDATE, BIND_INSERT, BIND));
    }

    /**
     * Writes evaluated orders on the group-commit writer's connection: inserts the new ones, updates those evaluated
     * before.
     */
    public void writeEvaluated(SqlSession session, List<OrderRow> inserts, List<OrderRow> updates) {
        session.batch(INSERT, inserts, BIND_INSERT);
        session.batch(UPDATE, updates, BIND);
    }

    /** Whether the order exists, locking its row: for a writer that retries alone after a batch failed. */
    public boolean existsForUpdate(SqlSession session, String orderId) {
        return session.first("SELECT 1 FROM sales_orders WHERE id = ? FOR UPDATE", List.of(orderId), row -> true).isPresent();
    }
}
