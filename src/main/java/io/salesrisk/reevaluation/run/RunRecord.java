package io.salesrisk.reevaluation.run;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A re-evaluation run as stored.
 *
 * @param scope       as requested; read back from the database, a list of customers has no ids (they stay in
 *                    reevaluation_scope_ids, and {@code total} counts them)
 * @param status      RUNNING, FINISHING (portfolio triggers and summary), COMPLETED or CANCELLED
 * @param trigger     API or SCHEDULE
 * @param summaryJson the final summary, null until the run is completed
 */
public record RunRecord(UUID id, RunScope scope, String status, String trigger, String requestedBy, LocalDate asOf,
                        String rulesetVersion, RunConstants constants, int total, int chunks, OffsetDateTime createdAt,
                        OffsetDateTime finishedAt, String summaryJson) {

    public boolean finished() {
        return status.equals("COMPLETED") || status.equals("CANCELLED");
    }
}
