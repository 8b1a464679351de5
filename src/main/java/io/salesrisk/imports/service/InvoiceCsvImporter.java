package io.salesrisk.imports.service;

import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.invoice.persistence.InvoiceRepository;
import io.salesrisk.invoice.persistence.InvoiceRow;
import io.salesrisk.invoice.service.InvoiceRules;
import io.salesrisk.order.persistence.SalesOrderRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * invoices.csv: id,customer_id,order_id,issue_date,due_date,amount,paid_amount,paid_date. Customers must exist; a
 * referenced order must belong to the same customer and becomes INVOICED.
 */
@ApplicationScoped
public class InvoiceCsvImporter extends CsvImportTemplate<InvoiceCsvImporter.Line> {

    private static final Map<String, String> COLUMNS = Map.of("dueDate", "due_date", "paidAmount", "paid_amount",
            "paidDate", "paid_date");

    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final SalesOrderRepository orders;
    private final Clock clock;

    public InvoiceCsvImporter(InvoiceRepository invoices, CustomerRepository customers, SalesOrderRepository orders,
                              Clock clock) {
        this.invoices = invoices;
        this.customers = customers;
        this.orders = orders;
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
        BigDecimal amount = row.amount("amount", true, BigDecimal.ZERO, false);
        BigDecimal paid = row.amount("paid_amount", false, BigDecimal.ZERO, true);
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
    protected void check(List<Line> lines, List<ProblemDetail> errors) {
        requireCustomers(customers, lines, Line::line, Line::customerId, errors);
        Map<String, String> owners = orders.customersOf(lines.stream().map(Line::orderId).filter(Objects::nonNull).toList());
        for (Line line : lines) {
            String owner = line.orderId() == null ? null : owners.get(line.orderId());
            if (owner != null && !owner.equals(line.customerId())) {
                errors.add(ProblemDetail.csv(line.line(), "order_id", line.orderId(),
                        "order_id " + line.orderId() + " belongs to customer " + owner + ", not " + line.customerId()));
            }
        }
    }

    @Override
    protected ImportResult write(List<Line> lines) {
        SqlSession.Upserted stored = invoices.upsertAll(lines.stream().map(l -> new InvoiceRow(l.id(), l.customerId(),
                l.orderId(), l.issueDate(), l.dueDate(), l.amount(), l.paidAmount(), l.paidDate())).toList(),
                OffsetDateTime.now(clock));
        orders.markAllInvoiced(lines.stream().map(Line::orderId).filter(Objects::nonNull).distinct().toList());
        return new ImportResult(kind(), lines.size(), stored.created(), stored.updated());
    }
}
