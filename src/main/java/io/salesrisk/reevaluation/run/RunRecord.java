package io.salesrisk.reevaluation.run;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A re-evaluation run as stored.
 *
 * @param scope       as requested; read back from the database, a list of customers has no ids (they stay in
 *                    reevaluation_scope_ids, and {@code total} counts them)
 * @param summaryJson the final summary, null until the run is completed
 */
public record RunRecord(UUID id, RunScope scope, RunStatus status, RunTrigger trigger, String requestedBy, LocalDate asOf,
                        String rulesetVersion, RunConstants constants, int total, int chunks, OffsetDateTime createdAt,
                        OffsetDateTime finishedAt, String summaryJson) {

    public boolean finished() {
        return status.finished();
    }
}
