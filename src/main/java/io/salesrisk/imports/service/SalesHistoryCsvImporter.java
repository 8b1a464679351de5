package io.salesrisk.imports.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.problem.ProblemDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** sales-history.csv: customer_id,month,amount (month as YYYY-MM; one line per customer and month). */
@ApplicationScoped
@Transactional
public class SalesHistoryCsvImporter extends CsvImportTemplate<SalesHistoryCsvImporter.Line> {

    public SalesHistoryCsvImporter(AgroalDataSource dataSource) {
        super(dataSource);
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
        BigDecimal amount = row.decimal("amount", true, BigDecimal.ZERO, true);
        return customerId == null || month == null || amount == null ? null
                : new Line(row.line(), customerId, month, amount.setScale(2, RoundingMode.HALF_UP));
    }

    @Override
    protected void check(Connection connection, List<Line> lines, List<ProblemDetail> errors) throws SQLException {
        JdbcWriter.requireCustomers(connection, lines, Line::line, Line::customerId, errors);
    }

    @Override
    protected ImportResult write(Connection connection, List<Line> lines) throws SQLException {
        Set<String> existing = new HashSet<>();
        JdbcWriter.selectIn(connection, "SELECT customer_id, sales_month FROM sales_history WHERE customer_id IN",
                lines.stream().map(Line::customerId).toList(),
                row -> existing.add(row.getString(1) + "|" + YearMonth.from(row.getDate(2).toLocalDate())));
        var split = JdbcWriter.Split.by(lines, existing, this::key);
        JdbcWriter.batch(connection, "INSERT INTO sales_history (amount, customer_id, sales_month) VALUES (?, ?, ?)",
                split.created(), SalesHistoryCsvImporter::bind);
        JdbcWriter.batch(connection, "UPDATE sales_history SET amount = ? WHERE customer_id = ? AND sales_month = ?",
                split.updated(), SalesHistoryCsvImporter::bind);
        return new ImportResult(kind(), lines.size(), split.created().size(), split.updated().size());
    }

    private static void bind(PreparedStatement s, Line l) throws SQLException {
        s.setBigDecimal(1, l.amount());
        s.setString(2, l.customerId());
        s.setDate(3, Date.valueOf(l.month().atDay(1)));
    }
}
