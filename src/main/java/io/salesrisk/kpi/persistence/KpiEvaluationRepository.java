package io.salesrisk.kpi.persistence;

import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The one writer of {@code kpi_evaluations}: one row per evaluation, a scheduled one claimed by its tick key. */
@ApplicationScoped
public class KpiEvaluationRepository {

    private final Jdbc jdbc;

    public KpiEvaluationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an evaluation. With a tick key, only the first instance to insert it wins: the others find the key
     * taken (checked first, so the usual case raises no constraint violation) or lose the insert to the unique key.
     */
    public void insert(UUID id, String tickKey, LocalDate asOf, String requestedBy, String version, OffsetDateTime at) {
        if (tickKey == null) {
            jdbc.write(sql -> sql.update("INSERT INTO kpi_evaluations (id, as_of, requested_by, ruleset_version,"
                    + " evaluated_at) VALUES (?, ?, ?, ?, ?)", id, asOf, requestedBy, version, at));
        } else {
            jdbc.write(sql -> sql.update("INSERT INTO kpi_evaluations (id, tick_key, as_of, requested_by, ruleset_version,"
                    + " evaluated_at) VALUES (?, ?, ?, ?, ?, ?)", id, tickKey, asOf, requestedBy, version, at));
        }
    }

    public boolean tickTaken(String tickKey) {
        return !jdbc.read(sql -> sql.list("SELECT 1 FROM kpi_evaluations WHERE tick_key = ?", List.of(tickKey),
                row -> 1)).isEmpty();
    }
}
