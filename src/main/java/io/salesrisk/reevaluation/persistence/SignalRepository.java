package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.facts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one writer of {@code risk_signals}: a chunk's signals are inserted in one batch in the chunk's transaction;
 * they are read through Panache.
 */
@ApplicationScoped
public class SignalRepository implements PanacheRepositoryBase<SignalEntity, UUID> {

    /** An anomaly a run found, with the values it saw. */
    public record SignalRecord(UUID id, UUID runId, String customerId, String type, String severity, String rule,
                               String message, Object values, OffsetDateTime createdAt) {
    }

    /** A signal to insert. */
    public record NewSignal(String customerId, String type, Severity severity, String rule, String message,
                            Map<String, Object> values) {
    }

    private final Jdbc jdbc;
    private final JsonText json;

    public SignalRepository(Jdbc jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a chunk's signals in the caller's transaction. */
    public void insertAll(UUID runId, List<NewSignal> signals, OffsetDateTime at) {
        jdbc.write(sql -> sql.batch("INSERT INTO risk_signals (id, run_id, customer_id, signal_type, severity, rule, message, "
                + "signal_values, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, " + jdbc.dialect().jsonParameter() + ", ?)",
                signals, (s, signal) -> s.set(Ids.timeOrdered(), runId, signal.customerId(), signal.type(), signal.severity(),
                        signal.rule(), ColumnText.message(signal.message()), json.write(signal.values()), at)));
    }

    @Transactional
    public List<SignalRecord> ofCustomer(String customerId, int limit) {
        return records(find("customerId", Sort.descending("createdAt").and("id"), customerId).page(0, limit).list());
    }

    /** A run's signals, optionally of one type. */
    @Transactional
    public List<SignalRecord> ofRun(UUID runId, String type, int limit, int offset) {
        Sort order = Sort.ascending("customerId", "id");
        var query = type == null || type.isBlank() ? find("runId", order, runId) : find("runId = ?1 and type = ?2", order, runId, type.trim());
        return records(query.range(offset, offset + limit - 1).list());
    }

    private List<SignalRecord> records(List<SignalEntity> rows) {
        return rows.stream().map(s -> new SignalRecord(s.id, s.runId, s.customerId, s.type, s.severity, s.rule, s.message,
                json.tree(s.values), s.createdAt)).toList();
    }
}
