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

/**
 * market-index.csv: industry,month,index (month as YYYY-MM; one line per industry and month). Optional: runs compare
 * each industry's latest month with the same month a year before, for the market-index anomaly rules and triggers.
 */
@ApplicationScoped
@Transactional
public class MarketIndexCsvImporter extends CsvImportTemplate<MarketIndexCsvImporter.Line> {

    public MarketIndexCsvImporter(AgroalDataSource dataSource) {
        super(dataSource);
    }

    record Line(int line, String industry, YearMonth month, BigDecimal index) {
    }

    @Override
    public String kind() {
        return "market-index";
    }

    @Override
    protected List<String> requiredColumns() {
        return List.of("industry", "month", "index");
    }

    @Override
    protected String key(Line line) {
        return line.industry() + "|" + line.month();
    }

    @Override
    protected String keyColumn() {
        return "month";
    }

    @Override
    protected Line read(CsvRow row) {
        String industry = row.text("industry", true, 80);
        YearMonth month = row.month("month", true);
        BigDecimal index = row.decimal("index", true, BigDecimal.ZERO, false);
        return industry == null || month == null || index == null ? null
                : new Line(row.line(), industry, month, index.setScale(4, RoundingMode.HALF_UP));
    }

    @Override
    protected void check(Connection connection, List<Line> lines, List<ProblemDetail> errors) {
        // any industry name is accepted: an index for an industry no customer has yet is kept for later
    }

    @Override
    protected ImportResult write(Connection connection, List<Line> lines) throws SQLException {
        Set<String> existing = new HashSet<>();
        JdbcWriter.selectIn(connection, "SELECT industry, index_month FROM market_index WHERE industry IN",
                lines.stream().map(Line::industry).toList(),
                row -> existing.add(row.getString(1) + "|" + YearMonth.from(row.getDate(2).toLocalDate())));
        var split = JdbcWriter.Split.by(lines, existing, this::key);
        JdbcWriter.batch(connection, "INSERT INTO market_index (index_value, industry, index_month) VALUES (?, ?, ?)",
                split.created(), MarketIndexCsvImporter::bind);
        JdbcWriter.batch(connection, "UPDATE market_index SET index_value = ? WHERE industry = ? AND index_month = ?",
                split.updated(), MarketIndexCsvImporter::bind);
        return new ImportResult(kind(), lines.size(), split.created().size(), split.updated().size());
    }

    private static void bind(PreparedStatement s, Line l) throws SQLException {
        s.setBigDecimal(1, l.index());
        s.setString(2, l.industry());
        s.setDate(3, Date.valueOf(l.month().atDay(1)));
    }
}
