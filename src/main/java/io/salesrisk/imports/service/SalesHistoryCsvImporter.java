package io.salesrisk.imports.service;

import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.salesdata.persistence.SalesHistoryRepository;
import io.salesrisk.salesdata.persistence.SalesMonth;
import io.salesrisk.common.problem.ProblemDetail;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/** sales-history.csv: customer_id,month,amount (month as YYYY-MM; one line per customer and month). */
@ApplicationScoped
public class SalesHistoryCsvImporter extends CsvImportTemplate<SalesHistoryCsvImporter.Line> {

    private final SalesHistoryRepository sales;
    private final CustomerRepository customers;

    public SalesHistoryCsvImporter(SalesHistoryRepository sales, CustomerRepository customers) {
        this.sales = sales;
        this.customers = customers;
    }

    record Line(int line, String customerId, YearMonth month, BigDecimal amount) {
    }

    @Override
    public String kind() {
        return "sales-history";
    }

    @Override
    protected List<String> requiredColumns() {
        return List.of("customer_id", "month", "amount");
    }

    @Override
    protected String key(Line line) {
        return line.customerId() + "|" + line.month();
    }

    @Override
    protected String keyColumn() {
        return "month";
    }

    @Override
    protected Line read(CsvRow row) {
        String customerId = row.text("customer_id", true, 64);
        YearMonth month = row.month("month", true);
        BigDecimal amount = row.amount("amount", true, BigDecimal.ZERO, true);
        return customerId == null || month == null || amount == null ? null
                : new Line(row.line(), customerId, month, amount.setScale(2, RoundingMode.HALF_UP));
    }

    @Override
    protected void check(List<Line> lines, List<ProblemDetail> errors) {
        requireCustomers(customers, lines, Line::line, Line::customerId, errors);
    }

    @Override
    protected ImportResult write(List<Line> lines) {
        SqlSession.Upserted stored = sales.upsertAll(lines.stream()
                .map(l -> new SalesMonth(l.customerId(), l.month(), l.amount())).toList());
        return new ImportResult(kind(), lines.size(), stored.created(), stored.updated());
    }
}
