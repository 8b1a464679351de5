package io.salesrisk.reevaluation.run;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.SqlDialect;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs and their chunks in the database, which is what lets several instances share a run: a chunk is claimed with a
 * compare-and-set on (status, attempts), and committed DONE together with its customers' results by the holder of
 * the latest claim only. A claim that is not committed within the lease is taken over by another worker.
 */
@ApplicationScoped
public class RunStore {

    private static final String RUN_COLUMNS = "id, scope, status, run_trigger, requested_by, as_of, ruleset_version, constants, "
            + "total, chunks, created_at, finished_at, summary";

    private final AgroalDataSource dataSource;
    private final JsonText json;
    private final String jsonParameter;

    public RunStore(AgroalDataSource dataSource, JsonText json, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.json = json;
        this.jsonParameter = dialect.jsonParameter();
    }

    /** A run whose scope is running already, or a scheduled run that another instance started already. */
    public static final class DuplicateRunException extends RuntimeException {
        private final UUID existing;

        DuplicateRunException(UUID existing, String message) {
            super(message);
            this.existing = existing;
        }

        public UUID existing() {
            return existing;
        }
    }

    /**
     * Stores a new run with its chunks (and, for a list of customers, the ids) in one transaction.
     *
     * @param scheduleKey null for runs requested through the API
     * @throws DuplicateRunException when a run of the same scope is not finished, or the schedule key was used
     */
    public void create(RunRecord run, List<ChunkBounds> chunks, String scheduleKey) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<UUID> running = activeRun(connection, run.scope().key());
                if (running.isPresent()) {
                    throw new DuplicateRunException(running.get(), "a run over " + describe(run.scope()) + " is in progress: "
                            + running.get() + "; one run per scope at a time");
                }
                if (scheduleKey != null) {
                    Optional<UUID> scheduled = bySchedule(connection, scheduleKey);
                    if (scheduled.isPresent()) {
                        throw new DuplicateRunException(scheduled.get(), "the run " + scheduleKey + " was started already: "
                                + scheduled.get());
                    }
                }
                insertRun(connection, run, scheduleKey);
                insertScopeIds(connection, run);
                insertChunks(connection, run.id(), chunks);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                // two instances inserting the same scope or schedule key at once: the unique columns decide
                Optional<UUID> winner = activeRun(connection, run.scope().key())
                        .or(() -> scheduleKey == null ? Optional.empty() : bySchedule(connection, scheduleKey));
                if (winner.isPresent()) {
                    throw new DuplicateRunException(winner.get(), "a run over " + describe(run.scope())
                            + " was started at the same moment: " + winner.get());
                }
                throw e;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing run " + run.id() + " failed: " + e.getMessage(), e);
        }
    }

    private void insertRun(Connection connection, RunRecord run, String scheduleKey) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reevaluation_runs (id, scope_key, active_scope, "
                + "schedule_key, scope, status, run_trigger, requested_by, as_of, ruleset_version, constants, total, chunks, "
                + "created_at, finished_at, summary) VALUES (?, ?, ?, ?, " + jsonParameter + ", ?, ?, ?, ?, ?, "
                + jsonParameter + ", ?, ?, ?, ?, " + jsonParameter + ")")) {
            insert.setObject(1, run.id());
            insert.setString(2, run.scope().key());
            insert.setString(3, run.finished() ? null : run.scope().key());
            insert.setString(4, scheduleKey);
            insert.setString(5, json.write(new StoredScope(run.scope().kind(), run.scope().value(), run.scope().customerIds().size())));
            insert.setString(6, run.status());
            insert.setString(7, run.trigger());
            insert.setString(8, run.requestedBy());
            insert.setDate(9, Date.valueOf(run.asOf()));
            insert.setString(10, run.rulesetVersion());
            insert.setString(11, json.write(run.constants()));
            insert.setInt(12, run.total());
            insert.setInt(13, run.chunks());
            insert.setTimestamp(14, Timestamp.from(run.createdAt().toInstant()));
            insert.setTimestamp(15, run.finishedAt() == null ? null : Timestamp.from(run.finishedAt().toInstant()));
            insert.setString(16, run.summaryJson());
            insert.executeUpdate();
        }
    }

    /** The scope as stored: a list of customers is kept in its own table, the JSON only counts it. */
    record StoredScope(RunScope.Kind kind, String value, int customers) {
    }

    private static void insertScopeIds(Connection connection, RunRecord run) throws SQLException {
        if (run.scope().customerIds().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reevaluation_scope_ids (run_id, customer_id) VALUES (?, ?)")) {
            int pending = 0;
            for (String id : run.scope().customerIds()) {
                insert.setObject(1, run.id());
                insert.setString(2, id);
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void insertChunks(Connection connection, UUID runId, List<ChunkBounds> chunks) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reevaluation_chunks (run_id, chunk_no, "
                + "first_id, last_id, size, status, attempts, done_count, failed_count) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, 0, 0)")) {
            for (int i = 0; i < chunks.size(); i++) {
                ChunkBounds chunk = chunks.get(i);
                insert.setObject(1, runId);
                insert.setInt(2, i);
                insert.setString(3, chunk.firstId());
                insert.setString(4, chunk.lastId());
                insert.setInt(5, chunk.size());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Optional<UUID> activeRun(Connection connection, String scopeKey) throws SQLException {
        return singleId(connection, "SELECT id FROM reevaluation_runs WHERE active_scope = ?", scopeKey);
    }

    private static Optional<UUID> bySchedule(Connection connection, String scheduleKey) {
        try {
            return singleId(connection, "SELECT id FROM reevaluation_runs WHERE schedule_key = ?", scheduleKey);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<UUID> singleId(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /**
     * Claims the next chunk of the oldest running run: a pending chunk, or one whose claim is older than the lease.
     * A chunk that has had {@code maxAttempts} claims already is marked FAILED instead (its customers are reported).
     */
    public Optional<ChunkClaim> claim(String instance, Duration lease, int maxAttempts, OffsetDateTime now) {
        try (Connection connection = dataSource.getConnection()) {
            List<Object[]> candidates = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT c.run_id, c.chunk_no, c.first_id, c.last_id, "
                    + "c.size, c.status, c.attempts, c.error FROM reevaluation_chunks c JOIN reevaluation_runs r ON r.id = c.run_id "
                    + "WHERE r.status = 'RUNNING' AND (c.status = 'PENDING' OR (c.status = 'CLAIMED' AND c.claimed_at < ?)) "
                    + "ORDER BY r.created_at, c.chunk_no LIMIT 8")) {
                select.setTimestamp(1, Timestamp.from(now.minus(lease).toInstant()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        candidates.add(new Object[]{row.getObject(1, UUID.class), row.getInt(2), row.getString(3),
                                row.getString(4), row.getInt(5), row.getString(6), row.getInt(7), row.getString(8)});
                    }
                }
            }
            for (Object[] c : candidates) {
                UUID runId = (UUID) c[0];
                int chunkNo = (int) c[1];
                String status = (String) c[5];
                int attempts = (int) c[6];
                if (attempts >= maxAttempts) {
                    String reason = "given up after " + attempts + " attempts" + (c[7] == null ? "" : "; last error: " + c[7]);
                    giveUp(connection, runId, chunkNo, status, attempts, reason);
                    continue;
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE reevaluation_chunks SET status = 'CLAIMED', "
                        + "claimed_by = ?, claimed_at = ?, attempts = attempts + 1 "
                        + "WHERE run_id = ? AND chunk_no = ? AND status = ? AND attempts = ?")) {
                    update.setString(1, instance);
                    update.setTimestamp(2, Timestamp.from(now.toInstant()));
                    update.setObject(3, runId);
                    update.setInt(4, chunkNo);
                    update.setString(5, status);
                    update.setInt(6, attempts);
                    if (update.executeUpdate() == 1) {
                        return Optional.of(new ChunkClaim(runId, chunkNo, (String) c[2], (String) c[3], (int) c[4],
                                instance, attempts + 1));
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("claiming a chunk failed: " + e.getMessage(), e);
        }
    }

    private static void giveUp(Connection connection, UUID runId, int chunkNo, String status, int attempts, String reason)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE reevaluation_chunks SET status = 'FAILED', error = ? "
                + "WHERE run_id = ? AND chunk_no = ? AND status = ? AND attempts = ?")) {
            update.setString(1, ColumnText.message(reason));
            update.setObject(2, runId);
            update.setInt(3, chunkNo);
            update.setString(4, status);
            update.setInt(5, attempts);
            update.executeUpdate();
        }
    }

    /**
     * Marks the chunk DONE in the caller's transaction, first thing, so the row stays locked until the results are
     * committed with it. False when the claim is no longer this worker's (the lease ran out and another took over).
     */
    public boolean markDone(Connection connection, ChunkClaim claim) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE reevaluation_chunks SET status = 'DONE' "
                + "WHERE run_id = ? AND chunk_no = ? AND status = 'CLAIMED' AND claimed_by = ? AND attempts = ?")) {
            update.setObject(1, claim.runId());
            update.setInt(2, claim.chunkNo());
            update.setString(3, claim.claimedBy());
            update.setInt(4, claim.attempt());
            return update.executeUpdate() == 1;
        }
    }

    /** Records the chunk's counts and statistics, in the same transaction as {@link #markDone}. */
    public void recordResult(Connection connection, ChunkClaim claim, int done, int failed, ChunkStats stats) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE reevaluation_chunks SET done_count = ?, "
                + "failed_count = ?, stats = " + jsonParameter + ", error = NULL WHERE run_id = ? AND chunk_no = ?")) {
            update.setInt(1, done);
            update.setInt(2, failed);
            update.setString(3, json.write(stats));
            update.setObject(4, claim.runId());
            update.setInt(5, claim.chunkNo());
            update.executeUpdate();
        }
    }

    /** Gives the chunk back for another attempt after an error (if the claim is still this worker's). */
    public void release(ChunkClaim claim, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE reevaluation_chunks SET status = 'PENDING', "
                     + "error = ? WHERE run_id = ? AND chunk_no = ? AND status = 'CLAIMED' AND claimed_by = ? AND attempts = ?")) {
            update.setString(1, ColumnText.message(error));
            update.setObject(2, claim.runId());
            update.setInt(3, claim.chunkNo());
            update.setString(4, claim.claimedBy());
            update.setInt(5, claim.attempt());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("releasing chunk " + claim.chunkNo() + " failed", e);
        }
    }

    /** Gives back every chunk claimed under this instance name (a restart: those workers are gone). */
    public int releaseClaimsOf(String instance) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE reevaluation_chunks SET status = 'PENDING' WHERE status = 'CLAIMED' AND claimed_by = ?")) {
            update.setString(1, instance);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("releasing the claims of " + instance + " failed", e);
        }
    }

    /**
     * Takes the finishing step of a run whose chunks are all done or failed, or of one whose finisher stopped
     * answering for longer than the lease. True for exactly one caller.
     */
    public boolean startFinishing(UUID runId, String instance, Duration lease, OffsetDateTime now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE reevaluation_runs SET status = 'FINISHING', "
                     + "finishing_by = ?, finishing_at = ? WHERE id = ? AND ((status = 'RUNNING' AND NOT EXISTS (SELECT 1 "
                     + "FROM reevaluation_chunks c WHERE c.run_id = ? AND c.status IN ('PENDING', 'CLAIMED'))) "
                     + "OR (status = 'FINISHING' AND finishing_at < ?))")) {
            update.setString(1, instance);
            update.setTimestamp(2, Timestamp.from(now.toInstant()));
            update.setObject(3, runId);
            update.setObject(4, runId);
            update.setTimestamp(5, Timestamp.from(now.minus(lease).toInstant()));
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("finishing run " + runId + " failed", e);
        }
    }

    /** Runs that may need their finishing step: running with no open chunk, or finishing for longer than the lease. */
    public List<UUID> awaitingFinish(Duration lease, OffsetDateTime now) {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT r.id FROM reevaluation_runs r WHERE "
                     + "(r.status = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM reevaluation_chunks c WHERE c.run_id = r.id "
                     + "AND c.status IN ('PENDING', 'CLAIMED'))) OR (r.status = 'FINISHING' AND r.finishing_at < ?)")) {
            select.setTimestamp(1, Timestamp.from(now.minus(lease).toInstant()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("looking for runs to finish failed", e);
        }
    }

    /** Completes the run in the caller's transaction: the scope is free for the next run. */
    public void complete(Connection connection, UUID runId, String summaryJson, OffsetDateTime now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE reevaluation_runs SET status = 'COMPLETED', "
                + "active_scope = NULL, summary = " + jsonParameter + ", finished_at = ? WHERE id = ?")) {
            update.setString(1, summaryJson);
            update.setTimestamp(2, Timestamp.from(now.toInstant()));
            update.setObject(3, runId);
            update.executeUpdate();
        }
    }

    /** Cancels a run that is not finished: no further chunks are claimed; committed chunks stay. */
    public boolean cancel(UUID runId, OffsetDateTime now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement run = connection.prepareStatement("UPDATE reevaluation_runs SET status = 'CANCELLED', "
                    + "active_scope = NULL, finished_at = ? WHERE id = ? AND status IN ('RUNNING', 'FINISHING')");
                 PreparedStatement chunks = connection.prepareStatement("UPDATE reevaluation_chunks SET status = 'CANCELLED' "
                         + "WHERE run_id = ? AND status IN ('PENDING', 'CLAIMED')")) {
                run.setTimestamp(1, Timestamp.from(now.toInstant()));
                run.setObject(2, runId);
                boolean cancelled = run.executeUpdate() == 1;
                if (cancelled) {
                    chunks.setObject(1, runId);
                    chunks.executeUpdate();
                }
                connection.commit();
                return cancelled;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cancelling run " + runId + " failed", e);
        }
    }

    /** A run's status alone (RUNNING, FINISHING, COMPLETED, CANCELLED). */
    public Optional<String> status(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT status FROM reevaluation_runs WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the status of run " + id + " failed", e);
        }
    }

    public Optional<RunRecord> find(UUID id) {
        List<RunRecord> runs = runs("SELECT " + RUN_COLUMNS + " FROM reevaluation_runs WHERE id = ?", List.of(id));
        return runs.stream().findFirst();
    }

    /** The most recent runs, newest first. */
    public List<RunRecord> recent(int limit) {
        return runs("SELECT " + RUN_COLUMNS + " FROM reevaluation_runs ORDER BY created_at DESC, id DESC LIMIT ?", List.of(limit));
    }

    private List<RunRecord> runs(String sql, List<Object> values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            List<RunRecord> runs = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject("id", UUID.class);
                    StoredScope stored = json.read(row.getString("scope"), StoredScope.class);
                    // a listed scope's ids stay in reevaluation_scope_ids, where the profile query reads them
                    RunScope scope = new RunScope(stored.kind(), stored.value(), List.of());
                    runs.add(new RunRecord(id, scope, row.getString("status"), row.getString("run_trigger"),
                            row.getString("requested_by"), row.getDate("as_of").toLocalDate(), row.getString("ruleset_version"),
                            json.read(row.getString("constants"), RunConstants.class), row.getInt("total"), row.getInt("chunks"),
                            row.getObject("created_at", OffsetDateTime.class), row.getObject("finished_at", OffsetDateTime.class),
                            row.getString("summary")));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("reading runs failed", e);
        }
    }

    /** Counts by chunk status, for progress. */
    public RunProgress progress(RunRecord run, OffsetDateTime now) {
        int done = 0;
        int failed = 0;
        int chunksDone = 0;
        int claimed = 0;
        int pending = 0;
        int chunksFailed = 0;
        int failedChunkCustomers = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT status, COUNT(*), SUM(done_count), "
                     + "SUM(failed_count), SUM(size) FROM reevaluation_chunks WHERE run_id = ? GROUP BY status")) {
            select.setObject(1, run.id());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int count = row.getInt(2);
                    switch (row.getString(1)) {
                        case "DONE" -> {
                            chunksDone = count;
                            done = row.getInt(3);
                            failed += row.getInt(4);
                        }
                        case "CLAIMED" -> claimed = count;
                        case "PENDING" -> pending = count;
                        case "FAILED" -> {
                            chunksFailed = count;
                            failedChunkCustomers = row.getInt(5);
                        }
                        default -> {
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the progress of run " + run.id() + " failed", e);
        }
        failed += failedChunkCustomers;
        OffsetDateTime until = run.finishedAt() == null ? now : run.finishedAt();
        double elapsed = Math.max(0.001, Duration.between(run.createdAt(), until).toMillis() / 1000.0);
        double rate = (done + failed) / elapsed;
        int remaining = Math.max(0, run.total() - done - failed);
        Long eta = run.finished() || rate <= 0 ? null : Math.round(remaining / rate);
        return new RunProgress(run.total(), done, failed, run.status().equals("CANCELLED") ? 0 : remaining, run.chunks(),
                chunksDone, claimed, pending, chunksFailed, elapsed, Math.round(rate * 10) / 10.0, eta);
    }

    /** The statistics of every committed chunk, as stored. */
    public List<ChunkStats> chunkStats(UUID runId) {
        List<ChunkStats> stats = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT stats FROM reevaluation_chunks WHERE run_id = ? AND status = 'DONE' AND stats IS NOT NULL")) {
            select.setObject(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stats.add(json.read(row.getString(1), ChunkStats.class));
                }
            }
            return stats;
        } catch (SQLException e) {
            throw new IllegalStateException("reading chunk statistics failed", e);
        }
    }

    /** A chunk given up after repeated errors. */
    public record FailedChunk(int chunkNo, String firstId, String lastId, int size, String error) {
    }

    public List<FailedChunk> failedChunks(UUID runId) {
        List<FailedChunk> chunks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT chunk_no, first_id, last_id, size, error FROM "
                     + "reevaluation_chunks WHERE run_id = ? AND status = 'FAILED' ORDER BY chunk_no")) {
            select.setObject(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    chunks.add(new FailedChunk(row.getInt(1), row.getString(2), row.getString(3), row.getInt(4), row.getString(5)));
                }
            }
            return chunks;
        } catch (SQLException e) {
            throw new IllegalStateException("reading failed chunks failed", e);
        }
    }

    /** A customer that could not be assessed. */
    public record Failure(String customerId, String reason) {
    }

    public List<Failure> failures(UUID runId, int limit) {
        List<Failure> failures = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT customer_id, reason FROM reevaluation_failures "
                     + "WHERE run_id = ? ORDER BY customer_id LIMIT ?")) {
            select.setObject(1, runId);
            select.setInt(2, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    failures.add(new Failure(row.getString(1), row.getString(2)));
                }
            }
            return failures;
        } catch (SQLException e) {
            throw new IllegalStateException("reading failures failed", e);
        }
    }

    private static String describe(RunScope scope) {
        return switch (scope.kind()) {
            case ALL -> "all customers";
            case SEGMENT -> "segment " + scope.value();
            case REGION -> "region " + scope.value();
            case CUSTOMERS -> "the same " + scope.customerIds().size() + " customers";
        };
    }
}
