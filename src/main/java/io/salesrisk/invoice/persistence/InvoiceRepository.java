package io.salesrisk.invoice.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.common.persistence.NamedSql;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one writer of the {@code invoices} table: single invoices through Panache, CSV imports and demo data in JDBC
 * batches (ImportBenchmark: a 20,000-row import runs at about 30,000 rows/s, one entity per row through the API at about 480).
 */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<InvoiceEntity, String> {

    private static final String INSERT = """
            INSERT INTO invoices (customer_id, order_id, issue_date, due_date, amount, paid_amount, paid_date, updated_at, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE invoices SET customer_id = ?, order_id = ?, issue_date = ?, due_date = ?, amount = ?, paid_amount = ?,
              paid_date = ?, updated_at = ? WHERE id = ?""";

    /** The bands as {@code sql/customer-profiles.sql} cuts them, for one customer. */
    private static final NamedSql AGING = new NamedSql("""
            SELECT COALESCE(SUM(CASE WHEN i.paid_amount < i.amount AND i.due_date >= :asOf THEN %1$s ELSE 0 END), 0) AS not_due,
                   COALESCE(SUM(CASE WHEN %2$s AND i.due_date >= :d30 THEN %1$s ELSE 0 END), 0) AS overdue_1_30,
                   COALESCE(SUM(CASE WHEN %2$s AND i.due_date < :d30 AND i.due_date >= :d60 THEN %1$s ELSE 0 END), 0) AS overdue_31_60,
                   COALESCE(SUM(CASE WHEN %2$s AND i.due_date < :d60 AND i.due_date >= :d90 THEN %1$s ELSE 0 END), 0) AS overdue_61_90,
                   COALESCE(SUM(CASE WHEN %2$s AND i.due_date < :d90 THEN %1$s ELSE 0 END), 0) AS overdue_over_90
            FROM invoices i WHERE i.customer_id = :customerId AND i.paid_amount < i.amount
            """.formatted(ReceivableSql.OPEN, ReceivableSql.OVERDUE));

    private final Jdbc jdbc;

    public InvoiceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's unpaid amounts by days past due on {@code asOf}. */
    public ReceivableAging aging(String customerId, LocalDate asOf) {
        Map<String, Object> values = new HashMap<>();
        values.put("customerId", customerId);
        values.put("asOf", asOf);
        values.put("d30", asOf.minusDays(30));
        values.put("d60", asOf.minusDays(60));
        values.put("d90", asOf.minusDays(90));
        return jdbc.read(sql -> sql.list(AGING, values, 1, row -> new ReceivableAging(money(row.getBigDecimal(1)),
                money(row.getBigDecimal(2)), money(row.getBigDecimal(3)), money(row.getBigDecimal(4)),
                money(row.getBigDecimal(5))))).get(0);
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Creates the new invoices and replaces the existing ones, in batches. */
    public SqlSession.Upserted upsertAll(List<InvoiceRow> rows, OffsetDateTime now) {
        Set<String> existing = new HashSet<>(jdbc.read(sql -> sql.selectIn("SELECT id FROM invoices WHERE id IN",
                rows.stream().map(InvoiceRow::id).toList(), row -> row.getString(1))));
        return jdbc.write(sql -> sql.upsert(rows, existing, InvoiceRow::id, INSERT, UPDATE, (s, i) -> s.set(i.customerId(),
                i.orderId(), i.issueDate(), i.dueDate(), i.amount(), i.paidAmount(), i.paidDate(), now, i.id())));
    }
}
