package io.salesrisk.kpi.persistence;

import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.NamedSql;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The one writer of {@code kpi_values}: every measured KPI of every evaluation, kept as history. */
@ApplicationScoped
public class KpiValueRepository {

    /** One stored value with the band and the table row that gave it. */
    public record StoredValue(UUID evaluationId, String kpi, String scopeKind, String scope, String period,
                              BigDecimal value, String band, String rule, String row, String message, String inputs,
                              OffsetDateTime evaluatedAt) {
    }

    private final Jdbc jdbc;

    public KpiValueRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(List<StoredValue> values) {
        jdbc.write(sql -> sql.batch("INSERT INTO kpi_values (id, evaluation_id, kpi, scope_kind, scope, period, kpi_value,"
                        + " band, rule_name, rule_row, message, inputs, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values, (s, v) -> s.set(UUID.randomUUID(), v.evaluationId(), v.kpi(), v.scopeKind(), v.scope(), v.period(),
                        v.value(), v.band(), v.rule(), v.row(), v.message(), v.inputs(), v.evaluatedAt())));
    }

    /**
     * The values evaluated from {@code from} (inclusive) to {@code to} (exclusive), optionally of one scope
     * ({@code scopeKind} and, when given, {@code scope}), oldest first, at most {@code limit}.
     */
    public List<StoredValue> history(OffsetDateTime from, OffsetDateTime to, String scopeKind, String scope, int limit) {
        Map<String, Object> values = new HashMap<>();
        values.put("from", from);
        values.put("to", to);
        StringBuilder where = new StringBuilder("v.evaluated_at >= :from AND v.evaluated_at < :to");
        if (scopeKind != null) {
            where.append(" AND v.scope_kind = :scopeKind");
            values.put("scopeKind", scopeKind);
        }
        if (scope != null) {
            where.append(" AND v.scope = :scope");
            values.put("scope", scope);
        }
        values.put("limit", limit);
        return jdbc.read(sql -> sql.list(new NamedSql("SELECT " + COLUMNS + " FROM kpi_values v WHERE " + where
                + " ORDER BY v.evaluated_at, v.kpi, v.scope_kind, v.scope LIMIT :limit"), values, 500, KpiValueRepository::row));
    }

    /** The latest {@code perSeries} values of every KPI and scope of the given kinds, oldest first within each. */
    public List<StoredValue> latestSeries(List<String> scopeKinds, int evaluations) {
        // the last N evaluations that stored values; their values are the board's trend
        List<OffsetDateTime> recent = jdbc.read(sql -> sql.list("SELECT DISTINCT evaluated_at FROM kpi_values ORDER BY"
                + " evaluated_at DESC LIMIT " + evaluations, List.of(), r -> r.getObject(1, OffsetDateTime.class)));
        if (recent.isEmpty()) {
            return List.of();
        }
        OffsetDateTime oldest = recent.get(recent.size() - 1);
        String kinds = String.join(", ", scopeKinds.stream().map(k -> "'" + k.replace("'", "") + "'").toList());
        return jdbc.read(sql -> sql.list("SELECT " + COLUMNS + " FROM kpi_values v WHERE v.evaluated_at >= ?"
                + " AND v.scope_kind IN (" + kinds + ") ORDER BY v.kpi, v.scope_kind, v.scope, v.evaluated_at",
                List.of(oldest), KpiValueRepository::row));
    }

    private static final String COLUMNS = "v.evaluation_id, v.kpi, v.scope_kind, v.scope, v.period, v.kpi_value, v.band,"
            + " v.rule_name, v.rule_row, v.message, v.inputs, v.evaluated_at";

    private static StoredValue row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new StoredValue(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getBigDecimal(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                r.getObject(12, OffsetDateTime.class));
    }
}
