package io.salesrisk.salesdata.persistence;

import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.SqlSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The one writer of {@code sales_targets}: monthly targets per segment, region or rep, imported in batches. */
@ApplicationScoped
public class SalesTargetRepository {

    private final Jdbc jdbc;

    public SalesTargetRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds new targets and replaces the amounts of those stored already for the same scope and month. */
    public SqlSession.Upserted upsertAll(List<SalesTarget> targets, OffsetDateTime now) {
        Set<String> existing = new HashSet<>(jdbc.read(sql -> sql.selectIn(
                "SELECT scope_kind, scope, target_month FROM sales_targets WHERE scope IN",
                targets.stream().map(SalesTarget::scope).distinct().toList(),
                row -> row.getString(1) + "|" + row.getString(2) + "|" + YearMonth.from(row.getDate(3).toLocalDate()))));
        Timestamp at = Timestamp.from(now.toInstant());
        return jdbc.write(sql -> sql.upsert(targets, existing, SalesTarget::key,
                "INSERT INTO sales_targets (amount, updated_at, scope_kind, scope, target_month) VALUES (?, ?, ?, ?, ?)",
                "UPDATE sales_targets SET amount = ?, updated_at = ? WHERE scope_kind = ? AND scope = ? AND target_month = ?",
                (s, t) -> s.set(t.amount(), at, t.scopeKind(), t.scope(), t.month().atDay(1))));
    }

    /** The targets of one month. */
    public List<SalesTarget> ofMonth(YearMonth month) {
        return jdbc.read(sql -> sql.list("SELECT scope_kind, scope, amount FROM sales_targets WHERE target_month = ?",
                List.of(month.atDay(1)), row -> new SalesTarget(row.getString(1), row.getString(2), month, row.getBigDecimal(3))));
    }
}
