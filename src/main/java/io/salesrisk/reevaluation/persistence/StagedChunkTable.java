package io.salesrisk.reevaluation.persistence;

import io.salesrisk.common.persistence.DataAccessException;
import io.salesrisk.reevaluation.staged.StagedChunk;
import io.salesrisk.reevaluation.staged.StagedResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one owner of {@code reevaluation_staged_chunks} (and of {@code reevaluation_chunks.staged_at}): the Spark task
 * stages a chunk, the service's worker takes it. Plain JDBC on a connection the caller's transaction owns, because the
 * Spark executor has no Quarkus.
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
    public static boolean stage(Connection connection, UUID runId, int chunkNo, List<StagedResult> results, String stagedBy) {
        try {
            return tryStage(connection, runId, chunkNo, results, stagedBy);
        } catch (SQLException e) {
            throw new DataAccessException("staging chunk " + chunkNo + " of run " + runId + ": " + e.getMessage(), e);
        }
    }

    private static boolean tryStage(Connection connection, UUID runId, int chunkNo, List<StagedResult> results,
                                    String stagedBy) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT staged_at, status FROM reevaluation_chunks WHERE run_id = ? AND chunk_no = ? FOR UPDATE")) {
            lock.setObject(1, runId);
            lock.setInt(2, chunkNo);
            try (ResultSet row = lock.executeQuery()) {
                // staged already, or no longer waiting (the run was cancelled)
                if (!row.next() || row.getTimestamp(1) != null || !"PENDING".equals(row.getString(2))) {
                    return false;
                }
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reevaluation_staged_chunks "
                + "(run_id, chunk_no, customers, results, staged_by, staged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, runId);
            insert.setInt(2, chunkNo);
            insert.setInt(3, results.size());
            insert.setBytes(4, StagedChunk.encode(results));
            insert.setString(5, stagedBy.length() > 200 ? stagedBy.substring(0, 200) : stagedBy);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "UPDATE reevaluation_chunks SET staged_at = ? WHERE run_id = ? AND chunk_no = ?")) {
            mark.setTimestamp(1, now);
            mark.setObject(2, runId);
            mark.setInt(3, chunkNo);
            mark.executeUpdate();
        }
        return true;
    }

    /** Takes a staged chunk's results (reads and deletes them) in the caller's transaction; empty when not staged. */
    public static Optional<List<StagedResult>> take(Connection connection, UUID runId, int chunkNo) {
        try {
            return tryTake(connection, runId, chunkNo);
        } catch (SQLException e) {
            throw new DataAccessException("taking the staged results of chunk " + chunkNo + " of run " + runId + ": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<List<StagedResult>> tryTake(Connection connection, UUID runId, int chunkNo) throws SQLException {
        byte[] content;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT results FROM reevaluation_staged_chunks WHERE run_id = ? AND chunk_no = ?")) {
            select.setObject(1, runId);
            select.setInt(2, chunkNo);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                content = row.getBytes(1);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM reevaluation_staged_chunks WHERE run_id = ? AND chunk_no = ?")) {
            delete.setObject(1, runId);
            delete.setInt(2, chunkNo);
            delete.executeUpdate();
        }
        return Optional.of(StagedChunk.decode(content));
    }
}
