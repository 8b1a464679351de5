package io.salesrisk.reevaluation.run;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How far a run has come.
 *
 * @param done           customers assessed
 * @param failed         customers recorded as failed items (or in chunks given up)
 * @param ratePerSecond  customers (done and failed) per second since the run was created
 * @param etaSeconds     seconds left at that rate; null when finished or not started
 * @param executor       who assesses the customers: SERVICE or SPARK
 * @param chunksStaged   for a run assessed by Spark, chunks the job has assessed and staged so far (the service stores
 *                       them, which makes them done); null for the service's own runs
 */
public record RunProgress(int total, int done, int failed, int remaining, int chunks, int chunksDone, int chunksClaimed,
                          int chunksPending, int chunksFailed, double elapsedSeconds, double ratePerSecond, Long etaSeconds,
                          String executor, Integer chunksStaged) {

    /** A run's chunks counted by status: chunks, and the customers done or failed in them. */
    public record ChunkCounts(int chunksDone, int chunksClaimed, int chunksPending, int chunksFailed, int done,
                              int failedItems, int customersInFailedChunks, Integer chunksStaged) {
    }

    /** The progress of {@code run} from its chunk counts, as of {@code now} (or its end, once finished). */
    public static RunProgress of(RunRecord run, ChunkCounts counts, OffsetDateTime now) {
        int failed = counts.failedItems() + counts.customersInFailedChunks();
        OffsetDateTime until = run.finishedAt() == null ? now : run.finishedAt();
        double elapsed = Math.max(0.001, Duration.between(run.createdAt(), until).toMillis() / 1000.0);
        double rate = (counts.done() + failed) / elapsed;
        int remaining = Math.max(0, run.total() - counts.done() - failed);
        Long eta = run.finished() || rate <= 0 ? null : Math.round(remaining / rate);
        return new RunProgress(run.total(), counts.done(), failed, run.status() == RunStatus.CANCELLED ? 0 : remaining,
                run.chunks(), counts.chunksDone(), counts.chunksClaimed(), counts.chunksPending(), counts.chunksFailed(),
                elapsed, Math.round(rate * 10) / 10.0, eta, run.executor().name(), counts.chunksStaged());
    }
}
