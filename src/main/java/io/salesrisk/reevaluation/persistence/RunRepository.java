package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.reevaluation.run.ChunkBounds;
import io.salesrisk.reevaluation.run.ChunkStatus;
import io.salesrisk.reevaluation.run.RunConstants;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lifecycle of runs in {@code reevaluation_runs} (and a run's {@code reevaluation_scope_ids}): created with its
 * chunks in one transaction, finished by exactly one instance, cancelled. Compare-and-set updates decide between
 * instances; the chunk queue is {@link ChunkRepository}'s.
 */
@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunEntity, UUID> {

    /** The scope as stored: a list of customers is kept in its own table, the JSON only counts it. */
    record StoredScope(RunScope.Kind kind, String value, int customers) {
    }

    private static final int FLUSH_EVERY = 1000;

    private final JsonText json;

    public RunRepository(JsonText json) {
        this.json = json;
    }

    /** The unfinished run of a scope, or the run a schedule key started. */
    @Transactional
    public Optional<UUID> activeRun(String scopeKey) {
        return find("activeScope", scopeKey).firstResultOptional().map(run -> run.id);
    }

    @Transactional
    public Optional<UUID> bySchedule(String scheduleKey) {
        return find("scheduleKey", scheduleKey).firstResultOptional().map(run -> run.id);
    }

    /**
     * Stores a new run with its chunks (and, for a list of customers, the ids) in one transaction. Two instances
     * inserting the same scope or schedule key at once: the unique columns let one of them fail here.
     *
     * @param scheduleKey null for runs requested through the API
     */
    @Transactional
    public void create(RunRecord run, List<ChunkBounds> chunks, String scheduleKey) {
        RunEntity entity = new RunEntity();
        entity.id = run.id();
        entity.scopeKey = run.scope().key();
        entity.activeScope = run.finished() ? null : run.scope().key();
        entity.scheduleKey = scheduleKey;
        entity.scope = json.write(new StoredScope(run.scope().kind(), run.scope().value(), run.scope().customerIds().size()));
        entity.status = run.status();
        entity.trigger = run.trigger();
        entity.requestedBy = run.requestedBy();
        entity.asOf = run.asOf();
        entity.rulesetVersion = run.rulesetVersion();
        entity.constants = json.write(run.constants());
        entity.executor = run.executor();
        entity.total = run.total();
        entity.chunks = run.chunks();
        entity.createdAt = run.createdAt();
        entity.finishedAt = run.finishedAt();
        entity.summary = run.summaryJson();
        persist(entity);
        flush();
        int pending = 0;
        for (String customerId : run.scope().customerIds()) {
            ScopeIdEntity id = new ScopeIdEntity();
            id.runId = run.id();
            id.customerId = customerId;
            getEntityManager().persist(id);
            if (++pending % FLUSH_EVERY == 0) {
                // a list may hold 100,000 ids: keep the persistence context small
                flush();
                getEntityManager().clear();
            }
        }
        for (int i = 0; i < chunks.size(); i++) {
            ChunkEntity chunk = new ChunkEntity();
            chunk.runId = run.id();
            chunk.chunkNo = i;
            chunk.firstId = chunks.get(i).firstId();
            chunk.lastId = chunks.get(i).lastId();
            chunk.size = chunks.get(i).size();
            chunk.status = ChunkStatus.PENDING;
            getEntityManager().persist(chunk);
        }
        flush();
    }

    @Transactional
    public Optional<RunRecord> record(UUID id) {
        return findByIdOptional(id).map(this::record);
    }

    /** A run's status alone. */
    @Transactional
    public Optional<RunStatus> status(UUID id) {
        return getEntityManager().createQuery("select r.status from RunEntity r where r.id = :id", RunStatus.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** The most recent runs, newest first. */
    @Transactional
    public List<RunRecord> recent(int limit) {
        return findAll(Sort.descending("createdAt", "id")).page(0, limit).list().stream().map(this::record).toList();
    }

    /**
     * Takes the finishing step of a run whose chunks are all done or failed, or of one whose finisher stopped
     * answering for longer than the lease. True for exactly one caller.
     */
    @Transactional
    public boolean startFinishing(UUID runId, String instance, Duration lease, OffsetDateTime now) {
        return update("status = ?1, finishingBy = ?2, finishingAt = ?3 where id = ?4 and ((status = ?5 and not exists "
                        + "(select 1 from ChunkEntity c where c.runId = ?4 and c.status in ?6)) or (status = ?1 and finishingAt < ?7))",
                RunStatus.FINISHING, instance, now, runId, RunStatus.RUNNING, List.of(ChunkStatus.PENDING, ChunkStatus.CLAIMED),
                now.minus(lease)) == 1;
    }

    /** Runs that may need their finishing step: running with no open chunk, or finishing for longer than the lease. */
    @Transactional
    public List<UUID> awaitingFinish(Duration lease, OffsetDateTime now) {
        return getEntityManager().createQuery("select r.id from RunEntity r where (r.status = :running and not exists "
                        + "(select 1 from ChunkEntity c where c.runId = r.id and c.status in :open)) "
                        + "or (r.status = :finishing and r.finishingAt < :expired)", UUID.class)
                .setParameter("running", RunStatus.RUNNING).setParameter("open", List.of(ChunkStatus.PENDING, ChunkStatus.CLAIMED))
                .setParameter("finishing", RunStatus.FINISHING).setParameter("expired", now.minus(lease)).getResultList();
    }

    /** Completes the run in the caller's transaction: the scope is free for the next run. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID runId, String summaryJson, OffsetDateTime now) {
        RunEntity run = findById(runId);
        run.status = RunStatus.COMPLETED;
        run.activeScope = null;
        run.summary = summaryJson;
        run.finishedAt = now;
    }

    /** Cancels a run that is not finished: no further chunks are claimed; committed chunks stay. */
    @Transactional
    public boolean cancel(UUID runId, OffsetDateTime now) {
        boolean cancelled = update("status = ?1, activeScope = null, finishedAt = ?2 where id = ?3 and status in ?4",
                RunStatus.CANCELLED, now, runId, List.of(RunStatus.RUNNING, RunStatus.FINISHING)) == 1;
        if (cancelled) {
            ChunkEntity.update("status = ?1 where runId = ?2 and status in ?3", ChunkStatus.CANCELLED, runId,
                    List.of(ChunkStatus.PENDING, ChunkStatus.CLAIMED));
        }
        return cancelled;
    }

    private RunRecord record(RunEntity run) {
        StoredScope stored = json.read(run.scope, StoredScope.class);
        // a listed scope's ids stay in reevaluation_scope_ids, where the profile query reads them
        RunScope scope = new RunScope(stored.kind(), stored.value(), List.of());
        return new RunRecord(run.id, scope, run.status, run.trigger, run.requestedBy, run.asOf, run.rulesetVersion,
                json.read(run.constants, RunConstants.class), run.total, run.chunks, run.createdAt, run.finishedAt,
                run.summary, run.executor);
    }
}
