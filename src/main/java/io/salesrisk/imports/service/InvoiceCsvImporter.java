package io.salesrisk.imports.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.problem.InvalidInputException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** invoices.csv: id,customer_id,order_id,issue_date,due_date,amount,paid_amount,paid_date (customers must exist). */
@ApplicationScoped
public class InvoiceCsvImporter implements CsvImporter {

    static final List<String> REQUIRED = List.of("id", "customer_id", "issue_date", "due_date", "amount");
    static final List<String> OPTIONAL = List.of("order_id", "paid_amount", "paid_date");
    private static final Map<String, String> COLUMNS = Map.of("dueDate", "due_date", "paidAmount", "paid_amount",
            "paidDate", "paid_date");

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public InvoiceCsvImporter(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "invoices";
    }

    record Line(int line, String id, String customerId, String orderId, LocalDate issueDate, LocalDate dueDate,
                BigDecimal amount, BigDecimal paidAmount, LocalDate paidDate) {
    }

    @Override
    @Transactional
    public ImportResult importCsv(String csv) {
        List<ProblemDetail> errors = new ArrayList<>();
        CsvFile file = CsvFile.parse(csv, REQUIRED, OPTIONAL, errors);
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvRow row : file.rows()) {
            String id = row.text("id", true, 64);
            String customerId = row.text("customer_id", true, 64);
            String orderId = row.text("order_id", false, 64);
            LocalDate issue = row.date("issue_date", true);
            LocalDate due = row.date("due_date", true);
            BigDecimal amount = row.decimal("amount", true, BigDecimal.ZERO, false);
            BigDecimal paid = row.decimal("paid_amount", false, BigDecimal.ZERO, true);
            LocalDate paidDate = row.date("paid_date", false);
            InvoiceRules.check(issue, due, amount, paid, paidDate,
                    (field, message) -> row.error(COLUMNS.getOrDefault(field, field), null, message));
            Integer previous = id == null ? null : firstLine.putIfAbsent(id, row.line());
            if (previous != null) {
                row.error("id", id, "repeats the invoice of line " + previous);
            }
            if (id != null && customerId != null && issue != null && due != null && amount != null) {
                lines.add(new Line(row.line(), id, customerId, orderId, issue, due, amount.setScale(2, RoundingMode.HALF_UP),
                        (paid == null ? BigDecimal.ZERO : paid).setScale(2, RoundingMode.HALF_UP), paidDate));
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<String> customers = JdbcWriter.existing(connection, "customers", "id",
                    lines.stream().map(Line::customerId).toList());
            for (Line line : lines) {
                if (!customers.contains(line.customerId())) {
                    errors.add(ProblemDetail.csv(line.line(), "customer_id", line.customerId(),
                            "customer_id " + line.customerId() + " does not exist; import customers first"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("invoices.csv has " + errors.size() + " error(s); nothing was imported", errors);
            }
            return write(connection, lines);
        } catch (SQLException e) {
            throw new IllegalStateException("invoice import failed: " + e.getMessage(), e);
        }
    }

    private ImportResult write(Connection connection, List<Line> lines) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> existing = JdbcWriter.existing(connection, "invoices", "id", lines.stream().map(Line::id).toList());
        List<Line> created = lines.stream().filter(l -> !existing.contains(l.id())).toList();
        List<Line> updated = lines.stream().filter(l -> existing.contains(l.id())).toList();
        JdbcWriter.batch(connection, """
                INSERT INTO invoices (customer_id, order_id, issue_date, due_date, amount, paid_amount, paid_date, updated_at, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, created, (s, l) -> bind(s, l, now));
        JdbcWriter.batch(connection, """
                UPDATE invoices SET customer_id = ?, order_id = ?, issue_date = ?, due_date = ?, amount = ?, paid_amount = ?,
                  paid_date = ?, updated_at = ? WHERE id = ?
                """, updated, (s, l) -> bind(s, l, now));
        JdbcWriter.batch(connection, "UPDATE sales_orders SET status = ? WHERE id = ?",
                lines.stream().map(Line::orderId).filter(Objects::nonNull).distinct().toList(), (s, orderId) -> {
                    s.setString(1, OrderStatus.INVOICED.name());
                    s.setString(2, orderId);
                });
        return new ImportResult(kind(), lines.size(), created.size(), updated.size());
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
