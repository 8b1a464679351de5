package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** The one writer of {@code reevaluation_failures}: a chunk's failed items in one batch; read through Panache. */
@ApplicationScoped
public class FailureRepository implements PanacheRepositoryBase<FailureEntity, RunCustomerKey> {

    /** A customer that could not be assessed. */
    public record Failure(String customerId, String reason) {
    }

    private final Jdbc jdbc;

    public FailureRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a chunk's failed items in the caller's transaction. */
    public void insertAll(UUID runId, List<Failure> failures) {
        jdbc.write(sql -> sql.batch("INSERT INTO reevaluation_failures (run_id, customer_id, reason) VALUES (?, ?, ?)",
                failures, (s, f) -> s.set(runId, f.customerId(), ColumnText.message(f.reason()))));
    }

    @Transactional
    public List<Failure> ofRun(UUID runId, int limit) {
        return find("runId", Sort.ascending("customerId"), runId).page(0, limit).list().stream()
                .map(f -> new Failure(f.customerId, f.reason)).toList();
    }
}
