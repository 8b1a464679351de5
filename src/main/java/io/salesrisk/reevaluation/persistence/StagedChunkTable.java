package io.salesrisk.reevaluation.persistence;

import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.reevaluation.staged.StagedChunk;
import io.salesrisk.reevaluation.staged.StagedResult;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one owner of {@code reevaluation_staged_chunks} (and of {@code reevaluation_chunks.staged_at}): the Spark task
 * stages a chunk, the service's worker takes it. Plain JDBC ({@link SqlSession}) on a connection whose transaction
 * the caller owns, because the Spark executor has no Quarkus.
 */
public final class StagedChunkTable {

    private StagedChunkTable() {
    }

    /**
     * Stages a chunk's results, in the caller's transaction, unless it is staged already (by an earlier attempt of the
     * same task, a speculative copy or a re-submitted job): locks the chunk row first, so two attempts never both
     * stage it.
     *
     * @return false when the chunk was staged already, or is no longer pending (a cancelled run); nothing was written then
     */
    public static boolean stage(SqlSession session, UUID runId, int chunkNo, List<StagedResult> results, String stagedBy) {
        boolean waiting = session.first("SELECT staged_at IS NULL AND status = 'PENDING' FROM reevaluation_chunks "
                + "WHERE run_id = ? AND chunk_no = ? FOR UPDATE", List.of(runId, chunkNo), row -> row.getBoolean(1))
                .orElse(false);
        if (!waiting) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        session.update("INSERT INTO reevaluation_staged_chunks (run_id, chunk_no, customers, results, staged_by, staged_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", runId, chunkNo, results.size(), StagedChunk.encode(results),
                stagedBy.length() > 200 ? stagedBy.substring(0, 200) : stagedBy, now);
        session.update("UPDATE reevaluation_chunks SET staged_at = ? WHERE run_id = ? AND chunk_no = ?", now, runId, chunkNo);
        return true;
    }

    /** Takes a staged chunk's results (reads and deletes them) in the caller's transaction; empty when not staged. */
    public static Optional<List<StagedResult>> take(SqlSession session, UUID runId, int chunkNo) {
        Optional<byte[]> content = session.first("SELECT results FROM reevaluation_staged_chunks WHERE run_id = ? AND chunk_no = ?",
                List.of(runId, chunkNo), row -> row.getBytes(1));
        content.ifPresent(bytes -> session.update("DELETE FROM reevaluation_staged_chunks WHERE run_id = ? AND chunk_no = ?",
                runId, chunkNo));
        return content.map(StagedChunk::decode);
    }
}
