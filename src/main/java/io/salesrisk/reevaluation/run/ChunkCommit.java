package io.salesrisk.reevaluation.run;

import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.persistence.ChunkRepository;
import io.salesrisk.reevaluation.persistence.FailureRepository;
import io.salesrisk.reevaluation.profile.ProfileQuery;
import io.salesrisk.reevaluation.staged.ChunkAssessment;
import io.salesrisk.reevaluation.persistence.StagedChunkTable;
import io.salesrisk.reevaluation.staged.StagedResult;
import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The transaction of one chunk: claim check, profile query, three rule phases per customer, every write. For a run
 * assessed by Spark the profile query and rule phases happened on an executor (the same {@link ChunkAssessment}), and
 * this takes their staged results instead; the writes are the same.
 */
@ApplicationScoped
public class ChunkCommit {

    private final ChunkRepository chunks;
    private final ProfileQuery profiles;
    private final ChunkResults results;
    private final Jdbc jdbc;
    private final Clock clock;

    public ChunkCommit(ChunkRepository chunks, ProfileQuery profiles, ChunkResults results, Jdbc jdbc, Clock clock) {
        this.chunks = chunks;
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.results = results;
        this.clock = clock;
    }

    /** Assesses the chunk and commits its results; false (nothing written) when the claim is no longer this worker's. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public boolean assessAndCommit(RunRecord run, ChunkClaim claim, CompiledRuleSet rules, ContingencyCatalog catalog,
                                   AssessmentPolicy policy) {
        // first thing: the row stays locked until the results are committed with it
        if (!chunks.markDone(claim)) {
            return false;
        }
        ChunkAssessment chunk = run.executor() == RunExecutor.SPARK ? staged(run, claim)
                : ChunkAssessment.of(profiles.load(run.id(), run.scope(), claim.firstId(), claim.lastId(), run.constants()),
                        rules, policy);
        List<FailureRepository.Failure> failed = chunk.failed().stream()
                .map(f -> new FailureRepository.Failure(f.customerId(), f.reason())).toList();
        ChunkStats stats = results.write(run, claim, chunk.assessed(), failed, catalog, OffsetDateTime.now(clock));
        chunks.recordResult(claim, stats);
        return true;
    }

    /** The results a Spark task staged for the chunk (it is claimed only once staged), taken from the staging table. */
    private ChunkAssessment staged(RunRecord run, ChunkClaim claim) {
        List<StagedResult> staged = jdbc.write(session -> StagedChunkTable.take(session, run.id(), claim.chunkNo()))
                .orElseThrow(() -> new IllegalStateException("chunk " + claim.chunkNo() + " of run " + run.id()
                + " is marked staged but its results are gone"));
        return ChunkAssessment.fromStaged(staged);
    }
}
