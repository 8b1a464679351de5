package io.salesrisk.imports.service;

import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.salesdata.persistence.SalesTarget;
import io.salesrisk.salesdata.persistence.SalesTargetRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * targets.csv: scope_kind,scope,month,amount — a month's sales target (YYYY-MM) of a SEGMENT, REGION or sales REP,
 * compared with the sales by the attainment KPI. A target already stored for the scope and month is replaced.
 */
@ApplicationScoped
public class TargetsCsvImporter extends CsvImportTemplate<TargetsCsvImporter.Line> {

    static final Set<String> SCOPE_KINDS = Set.of("SEGMENT", "REGION", "REP");

    private final SalesTargetRepository targets;
    private final Clock clock;

    public TargetsCsvImporter(SalesTargetRepository targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    record Line(int line, String scopeKind, String scope, YearMonth month, BigDecimal amount) {
    }

    @Override
    public String kind() {
        return "targets";
    }

    @Override
    protected List<String> requiredColumns() {
        return List.of("scope_kind", "scope", "month", "amount");
    }

    @Override
    protected String key(Line line) {
        return line.scopeKind() + "|" + line.scope() + "|" + line.month();
    }

    @Override
    protected String keyColumn() {
        return "month";
    }

    @Override
    protected Line read(CsvRow row) {
        String kind = row.text("scope_kind", true, 12);
        if (kind != null && !SCOPE_KINDS.contains(kind.toUpperCase(Locale.ROOT))) {
            row.error("scope_kind", kind, "must be SEGMENT, REGION or REP");
            kind = null;
        }
        String scope = row.text("scope", true, 100);
        YearMonth month = row.month("month", true);
        BigDecimal amount = row.amount("amount", true, BigDecimal.ZERO, false);
        return kind == null || scope == null || month == null || amount == null ? null
                : new Line(row.line(), kind.toUpperCase(Locale.ROOT), scope, month, amount.setScale(2, RoundingMode.HALF_UP));
    }

    @Override
    protected void check(List<Line> lines, List<ProblemDetail> errors) {
        // targets may be set for segments, regions and reps before they have customers, so nothing to look up
    }

    @Override
    protected ImportResult write(List<Line> lines) {
        var stored = targets.upsertAll(lines.stream()
                .map(l -> new SalesTarget(l.scopeKind(), l.scope(), l.month(), l.amount())).toList(), OffsetDateTime.now(clock));
        return new ImportResult(kind(), lines.size(), stored.created(), stored.updated());
    }
}
