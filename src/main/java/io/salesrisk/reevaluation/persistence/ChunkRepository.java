package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.reevaluation.run.ChunkClaim;
import io.salesrisk.reevaluation.run.ChunkStats;
import io.salesrisk.reevaluation.run.ChunkStatus;
import io.salesrisk.reevaluation.run.RunExecutor;
import io.salesrisk.reevaluation.run.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The chunk queue that lets several instances share a run: a chunk is claimed with one conditional UPDATE on
 * (status, attempts), and marked DONE, together with its customers' results, only by the holder of the latest claim.
 * A claim not committed within the lease is taken over by another worker.
 */
@ApplicationScoped
public class ChunkRepository implements PanacheRepositoryBase<ChunkEntity, ChunkEntity.Key> {

    /** Chunks and their customers by status. */
    public record StatusCount(long chunks, long done, long failed, long size) {
        static final StatusCount NONE = new StatusCount(0, 0, 0, 0);
    }

    /** A chunk given up after repeated errors. */
    public record FailedChunk(int chunkNo, String firstId, String lastId, int size, String error) {
    }

    private static final int CANDIDATES = 8;

    private final JsonText json;

    public ChunkRepository(JsonText json) {
        this.json = json;
    }

    /**
     * Claims the next chunk of the oldest running run: a pending chunk, or one whose claim is older than the lease.
     * A chunk that has had {@code maxAttempts} claims already is marked FAILED instead (its customers are reported).
     */
    @Transactional
    public Optional<ChunkClaim> claim(String instance, Duration lease, int maxAttempts, OffsetDateTime now) {
        List<ChunkEntity> candidates = getEntityManager().createQuery("select c from ChunkEntity c, RunEntity r "
                        + "where r.id = c.runId and r.status = :running and (c.status = :pending or (c.status = :claimed "
                        + "and c.claimedAt < :expired)) and (r.executor = :service or c.stagedAt is not null) "
                        + "order by r.createdAt, c.chunkNo", ChunkEntity.class)
                .setParameter("running", RunStatus.RUNNING).setParameter("pending", ChunkStatus.PENDING)
                .setParameter("service", RunExecutor.SERVICE)
                .setParameter("claimed", ChunkStatus.CLAIMED).setParameter("expired", now.minus(lease))
                .setMaxResults(CANDIDATES).getResultList();
        for (ChunkEntity c : candidates) {
            getEntityManager().detach(c);
            if (c.attempts >= maxAttempts) {
                String reason = "given up after " + c.attempts + " attempts" + (c.error == null ? "" : "; last error: " + c.error);
                update("status = ?1, error = ?2 where runId = ?3 and chunkNo = ?4 and status = ?5 and attempts = ?6",
                        ChunkStatus.FAILED, ColumnText.message(reason), c.runId, c.chunkNo, c.status, c.attempts);
                continue;
            }
            int claimed = update("status = ?1, claimedBy = ?2, claimedAt = ?3, attempts = attempts + 1 "
                            + "where runId = ?4 and chunkNo = ?5 and status = ?6 and attempts = ?7",
                    ChunkStatus.CLAIMED, instance, now, c.runId, c.chunkNo, c.status, c.attempts);
            if (claimed == 1) {
                return Optional.of(new ChunkClaim(c.runId, c.chunkNo, c.firstId, c.lastId, c.size, instance, c.attempts + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * Marks the chunk DONE in the caller's transaction, first thing, so the row stays locked until the results are
     * committed with it. False when the claim is no longer this worker's (the lease ran out and another took over).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markDone(ChunkClaim claim) {
        return update("status = ?1 where runId = ?2 and chunkNo = ?3 and status = ?4 and claimedBy = ?5 and attempts = ?6",
                ChunkStatus.DONE, claim.runId(), claim.chunkNo(), ChunkStatus.CLAIMED, claim.claimedBy(), claim.attempt()) == 1;
    }

    /** Records the chunk's counts and statistics, in the same transaction as {@link #markDone}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordResult(ChunkClaim claim, ChunkStats stats) {
        ChunkEntity chunk = findById(new ChunkEntity.Key(claim.runId(), claim.chunkNo()));
        chunk.doneCount = stats.assessed();
        chunk.failedCount = stats.failed();
        chunk.stats = json.write(stats);
        chunk.error = null;
    }

    /** Gives the chunk back for another attempt after an error (if the claim is still this worker's). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(ChunkClaim claim, String error) {
        update("status = ?1, error = ?2 where runId = ?3 and chunkNo = ?4 and status = ?5 and claimedBy = ?6 and attempts = ?7",
                ChunkStatus.PENDING, ColumnText.message(error), claim.runId(), claim.chunkNo(), ChunkStatus.CLAIMED,
                claim.claimedBy(), claim.attempt());
    }

    /** Gives back every chunk claimed under this instance name (a restart: those workers are gone). */
    @Transactional
    public int releaseClaimsOf(String instance) {
        return update("status = ?1 where status = ?2 and claimedBy = ?3", ChunkStatus.PENDING, ChunkStatus.CLAIMED, instance);
    }

    /** A run's chunks counted by status, with the customers they hold. */
    @Transactional
    /** Chunks of a run a Spark job has staged so far (stored ones included). */
    public int stagedCount(UUID runId) {
        return (int) count("runId = ?1 and stagedAt is not null", runId);
    }

    public Map<ChunkStatus, StatusCount> countByStatus(UUID runId) {
        Map<ChunkStatus, StatusCount> counts = new EnumMap<>(ChunkStatus.class);
        for (ChunkStatus status : ChunkStatus.values()) {
            counts.put(status, StatusCount.NONE);
        }
        getEntityManager().createQuery("select c.status, count(c), coalesce(sum(c.doneCount), 0), coalesce(sum(c.failedCount), 0), "
                        + "coalesce(sum(c.size), 0) from ChunkEntity c where c.runId = :run group by c.status", Object[].class)
                .setParameter("run", runId).getResultList()
                .forEach(row -> counts.put((ChunkStatus) row[0], new StatusCount(((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue())));
        return counts;
    }

    /** The statistics of every committed chunk, as stored. */
    @Transactional
    public List<ChunkStats> stats(UUID runId) {
        return getEntityManager().createQuery("select c.stats from ChunkEntity c where c.runId = :run and c.status = :done "
                        + "and c.stats is not null", String.class).setParameter("run", runId)
                .setParameter("done", ChunkStatus.DONE).getResultList().stream()
                .map(text -> json.read(text, ChunkStats.class)).toList();
    }

    @Transactional
    public List<FailedChunk> failed(UUID runId) {
        return list("runId = ?1 and status = ?2 order by chunkNo", runId, ChunkStatus.FAILED).stream()
                .map(c -> new FailedChunk(c.chunkNo, c.firstId, c.lastId, c.size, c.error)).toList();
    }
}
