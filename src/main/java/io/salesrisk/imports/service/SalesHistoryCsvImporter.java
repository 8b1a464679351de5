package io.salesrisk.imports.service;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** sales-history.csv: customer_id,month,amount (month as YYYY-MM; one line per customer and month). */
@ApplicationScoped
public class SalesHistoryCsvImporter implements CsvImporter {

    static final List<String> REQUIRED = List.of("customer_id", "month", "amount");

    private final AgroalDataSource dataSource;

    public SalesHistoryCsvImporter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String kind() {
        return "sales-history";
    }

    record Line(int line, String customerId, YearMonth month, BigDecimal amount) {
        String key() {
            return customerId + "|" + month;
        }
    }

    @Override
    @Transactional
    public ImportResult importCsv(String csv) {
        List<ProblemDetail> errors = new ArrayList<>();
        CsvFile file = CsvFile.parse(csv, REQUIRED, List.of(), errors);
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvRow row : file.rows()) {
            String customerId = row.text("customer_id", true, 64);
            YearMonth month = row.month("month", true);
            BigDecimal amount = row.decimal("amount", true, BigDecimal.ZERO, true);
            if (customerId != null && month != null && amount != null) {
                Line line = new Line(row.line(), customerId, month, amount.setScale(2, RoundingMode.HALF_UP));
                Integer previous = firstLine.putIfAbsent(line.key(), row.line());
                if (previous != null) {
                    row.error("month", month.toString(), "repeats customer " + customerId + " and month " + month
                            + " of line " + previous);
                } else {
                    lines.add(line);
                }
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<String> customers = JdbcWriter.existing(connection, "customers", "id", lines.stream().map(Line::customerId).toList());
            for (Line line : lines) {
                if (!customers.contains(line.customerId())) {
                    errors.add(ProblemDetail.csv(line.line(), "customer_id", line.customerId(),
                            "customer_id " + line.customerId() + " does not exist; import customers first"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("sales-history.csv has " + errors.size() + " error(s); nothing was imported", errors);
            }
            return write(connection, lines);
        } catch (SQLException e) {
            throw new IllegalStateException("sales history import failed: " + e.getMessage(), e);
        }
    }

    private ImportResult write(Connection connection, List<Line> lines) throws SQLException {
        Set<String> existing = existingKeys(connection, lines);
        List<Line> created = lines.stream().filter(l -> !existing.contains(l.key())).toList();
        List<Line> updated = lines.stream().filter(l -> existing.contains(l.key())).toList();
        JdbcWriter.batch(connection, "INSERT INTO sales_history (amount, customer_id, sales_month) VALUES (?, ?, ?)",
                created, SalesHistoryCsvImporter::bind);
        JdbcWriter.batch(connection, "UPDATE sales_history SET amount = ? WHERE customer_id = ? AND sales_month = ?",
                updated, SalesHistoryCsvImporter::bind);
        return new ImportResult(kind(), lines.size(), created.size(), updated.size());
    }

    private static Set<String> existingKeys(Connection connection, List<Line> lines) throws SQLException {
        Set<String> keys = new HashSet<>();
        List<String> customers = lines.stream().map(Line::customerId).distinct().toList();
        for (int from = 0; from < customers.size(); from += JdbcWriter.CHUNK) {
            List<String> chunk = customers.subList(from, Math.min(customers.size(), from + JdbcWriter.CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT customer_id, sales_month FROM sales_history WHERE customer_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1) + "|" + YearMonth.from(rows.getDate(2).toLocalDate()));
                    }
                }
            }
        }
        return keys;
    }

    private static void bind(PreparedStatement s, Line l) throws SQLException {
        s.setBigDecimal(1, l.amount());
        s.setString(2, l.customerId());
        s.setDate(3, Date.valueOf(l.month().atDay(1)));
    }
}
