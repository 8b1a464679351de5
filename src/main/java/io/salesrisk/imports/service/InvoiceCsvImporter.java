package io.salesrisk.imports.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.invoice.service.InvoiceRules;
import io.salesrisk.order.persistence.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * invoices.csv: id,customer_id,order_id,issue_date,due_date,amount,paid_amount,paid_date. Customers must exist; a
 * referenced order must belong to the same customer and becomes INVOICED.
 */
@ApplicationScoped
@Transactional
public class InvoiceCsvImporter extends CsvImportTemplate<InvoiceCsvImporter.Line> {

    private static final Map<String, String> COLUMNS = Map.of("dueDate", "due_date", "paidAmount", "paid_amount",
            "paidDate", "paid_date");

    private final Clock clock;

    public InvoiceCsvImporter(AgroalDataSource dataSource, Clock clock) {
        super(dataSource);
        this.clock = clock;
    }

    record Line(int line, String id, String customerId, String orderId, LocalDate issueDate, LocalDate dueDate,
                BigDecimal amount, BigDecimal paidAmount, LocalDate paidDate) {
    }

    @Override
    public String kind() {
        return "invoices";
    }

    @Override
    protected List<String> requiredColumns() {
        return List.of("id", "customer_id", "issue_date", "due_date", "amount");
    }

    @Override
    protected List<String> optionalColumns() {
        return List.of("order_id", "paid_amount", "paid_date");
    }

    @Override
    protected String key(Line line) {
        return line.id();
    }

    @Override
    protected Line read(CsvRow row) {
        String id = row.text("id", true, 64);
        String customerId = row.text("customer_id", true, 64);
        String orderId = row.text("order_id", false, 64);
        LocalDate issue = row.date("issue_date", true);
        LocalDate due = row.date("due_date", true);
        BigDecimal amount = row.decimal("amount", true, BigDecimal.ZERO, false);
        BigDecimal paid = row.decimal("paid_amount", false, BigDecimal.ZERO, true);
        LocalDate paidDate = row.date("paid_date", false);
        int errorsBefore = row.errorCount();
        InvoiceRules.check(issue, due, amount, paid, paidDate,
                (field, message) -> row.error(COLUMNS.getOrDefault(field, field), null, message));
        if (id == null || customerId == null || issue == null || due == null || amount == null || row.errorCount() > errorsBefore) {
            return null;
        }
        return new Line(row.line(), id, customerId, orderId, issue, due, amount.setScale(2, RoundingMode.HALF_UP),
                (paid == null ? BigDecimal.ZERO : paid).setScale(2, RoundingMode.HALF_UP), paidDate);
    }

    @Override
    protected void check(Connection connection, List<Line> lines, List<ProblemDetail> errors) throws SQLException {
        JdbcWriter.requireCustomers(connection, lines, Line::line, Line::customerId, errors);
        Map<String, String> owners = new HashMap<>();
        JdbcWriter.selectIn(connection, "SELECT id, customer_id FROM sales_orders WHERE id IN",
                lines.stream().map(Line::orderId).filter(Objects::nonNull).toList(),
                row -> owners.put(row.getString(1), row.getString(2)));
        for (Line line : lines) {
            String owner = line.orderId() == null ? null : owners.get(line.orderId());
            if (owner != null && !owner.equals(line.customerId())) {
                errors.add(ProblemDetail.csv(line.line(), "order_id", line.orderId(),
                        "order_id " + line.orderId() + " belongs to customer " + owner + ", not " + line.customerId()));
            }
        }
    }

    @Override
    protected ImportResult write(Connection connection, List<Line> lines) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var split = JdbcWriter.Split.by(lines, JdbcWriter.existing(connection, "invoices", "id",
                lines.stream().map(Line::id).toList()), Line::id);
        JdbcWriter.batch(connection, """
                INSERT INTO invoices (customer_id, order_id, issue_date, due_date, amount, paid_amount, paid_date, updated_at, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, split.created(), (s, l) -> bind(s, l, now));
        JdbcWriter.batch(connection, """
                UPDATE invoices SET customer_id = ?, order_id = ?, issue_date = ?, due_date = ?, amount = ?, paid_amount = ?,
                  paid_date = ?, updated_at = ? WHERE id = ?
                """, split.updated(), (s, l) -> bind(s, l, now));
        JdbcWriter.batch(connection, "UPDATE sales_orders SET status = ? WHERE id = ?",
                lines.stream().map(Line::orderId).filter(Objects::nonNull).distinct().toList(), (s, orderId) -> {
                    s.setString(1, OrderStatus.INVOICED.name());
                    s.setString(2, orderId);
                });
        return new ImportResult(kind(), lines.size(), split.created().size(), split.updated().size());
    }

    private static void bind(PreparedStatement s, Line l, OffsetDateTime now) throws SQLException {
        s.setString(1, l.customerId());
        if (l.orderId() == null) {
            s.setNull(2, Types.VARCHAR);
        } else {
            s.setString(2, l.orderId());
        }
        s.setDate(3, Date.valueOf(l.issueDate()));
        s.setDate(4, Date.valueOf(l.dueDate()));
        s.setBigDecimal(5, l.amount());
        s.setBigDecimal(6, l.paidAmount());
        s.setDate(7, l.paidDate() == null ? null : Date.valueOf(l.paidDate()));
        s.setObject(8, now);
        s.setString(9, l.id());
    }
}
