package io.salesrisk.reevaluation.run;

import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.service.ContingencyCatalogs;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.persistence.ChunkRepository;
import io.salesrisk.reevaluation.persistence.RunRepository;
import io.salesrisk.ruleset.service.CompiledRuleSets;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Processes one claimed chunk: everything it produces is committed in one transaction ({@link ChunkCommit}) that
 * starts with the compare-and-set marking the chunk DONE for this claim, so a worker whose lease ran out (and whose
 * chunk another worker took over) commits nothing and no customer is counted twice; a crash before the commit leaves
 * no trace and the chunk is claimed again after its lease.
 */
@ApplicationScoped
public class ChunkProcessor {

    /** What became of a claim. */
    public enum Outcome { COMMITTED, LOST_CLAIM, RUN_GONE }

    private final RunRepository runs;
    private final ChunkRepository chunks;
    private final ChunkCommit commit;
    private final CompiledRuleSets ruleSets;
    private final ContingencyCatalogs catalogs;
    /**
     * The runs this instance works on, read once: what a chunk needs of a run (scope, constants, rule-set version)
     * never changes, and a run over a list of customers would otherwise read its whole list for every chunk.
     */
    private final Map<UUID, RunRecord> started = new ConcurrentHashMap<>();

    public ChunkProcessor(RunRepository runs, ChunkRepository chunks, ChunkCommit commit, CompiledRuleSets ruleSets,
                          ContingencyCatalogs catalogs) {
        this.runs = runs;
        this.chunks = chunks;
        this.commit = commit;
        this.ruleSets = ruleSets;
        this.catalogs = catalogs;
    }

    /**
     * Processes the chunk; on an error nothing is kept and the chunk is given back for another attempt.
     *
     * @throws IllegalStateException after giving the chunk back, when processing failed
     */
    public Outcome process(ChunkClaim claim) {
        if (runs.status(claim.runId()).filter(RunStatus.RUNNING::equals).isEmpty()) {
            started.remove(claim.runId());
            return Outcome.RUN_GONE;
        }
        RunRecord run = started(claim.runId());
        try {
            // the run's rule-set version, not the active one: every chunk of a run is judged by the same rules
            CompiledRuleSet rules = ruleSets.get(run.rulesetVersion());
            ContingencyCatalog catalog = catalogs.of(rules);
            AssessmentPolicy policy = new AssessmentPolicy(run.constants().autoIncreasePercent(), run.constants().limitRounding());
            return commit.assessAndCommit(run, claim, rules, catalog, policy) ? Outcome.COMMITTED : Outcome.LOST_CLAIM;
        } catch (RuntimeException e) {
            String error = rootCause(e);
            chunks.release(claim, error);
            throw new IllegalStateException("chunk " + claim.chunkNo() + " of run " + claim.runId() + " failed: " + error, e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private RunRecord started(UUID runId) {
        if (started.size() > 16) {
            started.clear(); // runs that finished elsewhere; re-read on demand
        }
        return started.computeIfAbsent(runId, id -> runs.record(id)
                .orElseThrow(() -> new IllegalStateException("run " + id + " does not exist")));
    }
}
