package io.salesrisk.imports.service;

import io.salesrisk.common.money.Amounts;
import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.salesdata.persistence.IndexMonth;
import io.salesrisk.salesdata.persistence.MarketIndexRepository;
import io.salesrisk.common.problem.ProblemDetail;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * market-index.csv: industry,month,index (month as YYYY-MM; one line per industry and month). Optional: runs compare
 * each industry's latest month with the same month a year before, for the market-index anomaly rules and triggers.
 */
@ApplicationScoped
public class MarketIndexCsvImporter extends CsvImportTemplate<MarketIndexCsvImporter.Line> {

    private final MarketIndexRepository indices;

    public MarketIndexCsvImporter(MarketIndexRepository indices) {
        this.indices = indices;
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
        BigDecimal index = row.decimal("index", true, BigDecimal.ZERO, false, Amounts.MAX_INDEX, Amounts.INDEX_SCALE);
        return industry == null || month == null || index == null ? null
                : new Line(row.line(), industry, month, index.setScale(4, RoundingMode.HALF_UP));
    }

    @Override
    protected void check(List<Line> lines, List<ProblemDetail> errors) {
        // any industry name is accepted: an index for an industry no customer has yet is kept for later
    }

    @Override
    protected ImportResult write(List<Line> lines) {
        SqlSession.Upserted stored = indices.upsertAll(lines.stream()
                .map(l -> new IndexMonth(l.industry(), l.month(), l.index())).toList());
        return new ImportResult(kind(), lines.size(), stored.created(), stored.updated());
    }
}
