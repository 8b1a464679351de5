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
 * @param executor    who assesses the customers (the service's workers always store the results)
 */
public record RunRecord(UUID id, RunScope scope, RunStatus status, RunTrigger trigger, String requestedBy, LocalDate asOf,
                        String rulesetVersion, RunConstants constants, int total, int chunks, OffsetDateTime createdAt,
                        OffsetDateTime finishedAt, String summaryJson, RunExecutor executor) {

    public RunRecord {
        executor = executor == null ? RunExecutor.SERVICE : executor;
    }

    /** A run the service's workers assess themselves. */
    public RunRecord(UUID id, RunScope scope, RunStatus status, RunTrigger trigger, String requestedBy, LocalDate asOf,
                     String rulesetVersion, RunConstants constants, int total, int chunks, OffsetDateTime createdAt,
                     OffsetDateTime finishedAt, String summaryJson) {
        this(id, scope, status, trigger, requestedBy, asOf, rulesetVersion, constants, total, chunks, createdAt, finishedAt,
                summaryJson, RunExecutor.SERVICE);
    }

    /** The same run, assessed by the given executor. */
    public RunRecord assessedBy(RunExecutor by) {
        return new RunRecord(id, scope, status, trigger, requestedBy, asOf, rulesetVersion, constants, total, chunks,
                createdAt, finishedAt, summaryJson, by);
    }

    public boolean finished() {
        return status.finished();
    }
}
