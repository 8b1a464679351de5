package io.salesrisk.reevaluation.run;

/**
 * How far a run has come.
 *
 * @param done           customers assessed
 * @param failed         customers recorded as failed items
 * @param ratePerSecond  customers (done and failed) per second since the run was created
 * @param etaSeconds     seconds left at that rate; null when finished or not started
 */
public record RunProgress(int total, int done, int failed, int remaining, int chunks, int chunksDone, int chunksClaimed,
                          int chunksPending, int chunksFailed, double elapsedSeconds, double ratePerSecond, Long etaSeconds) {
}
