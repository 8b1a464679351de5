package io.salesrisk.reevaluation.run;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.salesrisk.common.InstanceNames;
import io.salesrisk.reevaluation.config.ReevaluationConfig;
import io.salesrisk.reevaluation.persistence.ChunkRepository;
import io.salesrisk.reevaluation.persistence.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The worker loops of this instance (on the managed executor) that work on runs: each claims a chunk of any running run (started here or on another
 * instance), processes it, and takes the finishing step of a run whose chunks are all through. Idle workers look
 * again every poll interval, or at once when a run starts on this instance.
 */
@ApplicationScoped
public class RunWorkers {

    private final ReevaluationConfig config;
    private final RunRepository runs;
    private final ChunkRepository chunks;
    private final ChunkProcessor processor;
    private final RunFinisher finisher;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<CompletableFuture<Void>> loops = new ArrayList<>();
    private volatile boolean stopping;
    private String instance;

    public RunWorkers(ReevaluationConfig config, RunRepository runs, ChunkRepository chunks, ChunkProcessor processor,
                      RunFinisher finisher, ManagedExecutor executor, Clock clock) {
        this.config = config;
        this.runs = runs;
        this.chunks = chunks;
        this.executor = executor;
        this.processor = processor;
        this.finisher = finisher;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        instance = config.instanceId().orElseGet(InstanceNames::hostAndProcess);
        if (config.workers() <= 0) {
            Log.infof("re-evaluation workers off on this instance (%s); other instances do the work", instance);
            return;
        }
        if (config.instanceId().isPresent()) {
            // a stable name means the claims under it are this instance's from before a restart: take them back now
            int released = chunks.releaseClaimsOf(instance);
            if (released > 0) {
                Log.infof("resuming %d chunk(s) claimed by %s before it restarted", released, instance);
            }
        }
        for (int i = 0; i < config.workers(); i++) {
            loops.add(executor.runAsync(this::work));
        }
        Log.infof("%d re-evaluation worker(s) started as %s", config.workers(), instance);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        wakeUps.release(loops.size());
        for (CompletableFuture<Void> loop : loops) {
            try {
                // a chunk in progress either commits or rolls back; an unfinished one is claimed again after its lease
                loop.get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Log.warnf("a re-evaluation worker did not stop cleanly: %s", e.getMessage());
            }
        }
    }

    /** Makes idle workers look for work now (a run was just started on this instance). */
    public void wake() {
        wakeUps.release(Math.max(1, loops.size()));
    }

    /** This instance's name in claims. */
    public String instance() {
        return instance;
    }

    private void work() {
        while (!stopping) {
            boolean worked;
            try {
                worked = workOnce(instance);
            } catch (RuntimeException e) {
                Log.warnf("re-evaluation worker: %s", e.getMessage());
                worked = false;
            }
            if (!worked) {
                try {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One step of work under the given instance name: process one chunk, or finish the runs that wait for it.
     * Public so that tests can play several instances, or a crashed one, deterministically.
     *
     * @return whether a chunk was processed (so there may be more right away)
     */
    public boolean workOnce(String as) {
        Optional<ChunkClaim> claim = chunks.claim(as, config.chunkLease(), config.maxAttempts(), OffsetDateTime.now(clock));
        if (claim.isPresent()) {
            try {
                ChunkProcessor.Outcome outcome = processor.process(claim.get());
                if (outcome == ChunkProcessor.Outcome.LOST_CLAIM) {
                    Log.warnf("chunk %d of run %s was taken over by another worker before %s committed it; its work was "
                            + "discarded", claim.get().chunkNo(), claim.get().runId(), as);
                }
            } catch (RuntimeException e) {
                // the chunk was given back; it is tried again until its attempts are used up
                Log.warnf("%s (attempt %d)", e.getMessage(), claim.get().attempt());
            }
            finishIfDone(claim.get().runId(), as);
            return true;
        }
        for (UUID runId : runs.awaitingFinish(config.chunkLease(), OffsetDateTime.now(clock))) {
            finishIfDone(runId, as);
        }
        return false;
    }

    private void finishIfDone(UUID runId, String as) {
        try {
            finisher.finish(runId, as, config.chunkLease());
        } catch (RuntimeException e) {
            // the run stays FINISHING; after the lease another worker takes the step again
            Log.errorf(e, "finishing run %s failed", runId);
        }
    }
}
