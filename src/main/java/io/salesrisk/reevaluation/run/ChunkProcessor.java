package io.salesrisk.reevaluation.run;

import io.agroal.api.AgroalDataSource;
import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.service.ContingencyCatalogs;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import io.salesrisk.reevaluation.assessment.CustomerAssessor;
import io.salesrisk.reevaluation.profile.CustomerFigures;
import io.salesrisk.reevaluation.profile.ProfileQuery;
import io.salesrisk.ruleset.service.CompiledRuleSets;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Assesses one claimed chunk and commits everything it produced in one transaction, starting with the compare-and-set
 * that marks the chunk DONE for this claim: a worker whose lease ran out (and whose chunk another worker took over)
 * finds the row changed and commits nothing, so no customer is counted twice; a crash before the commit leaves no
 * trace and the chunk is claimed again after its lease.
 */
@ApplicationScoped
public class ChunkProcessor {

    /** What became of a claim. */
    public enum Outcome { COMMITTED, LOST_CLAIM, RUN_GONE }

    private final AgroalDataSource dataSource;
    private final RunStore runs;
    private final ProfileQuery profiles;
    private final ChunkWriter writer;
    private final CompiledRuleSets ruleSets;
    private final ContingencyCatalogs catalogs;
    private final Clock clock;
    /**
     * The runs this instance works on, read once: what a chunk needs of a run (scope, constants, rule-set version)
     * never changes, and a run over a list of customers would otherwise read its whole list for every chunk.
     */
    private final Map<UUID, RunRecord> started = new ConcurrentHashMap<>();

    public ChunkProcessor(AgroalDataSource dataSource, RunStore runs, ProfileQuery profiles, ChunkWriter writer,
                          CompiledRuleSets ruleSets, ContingencyCatalogs catalogs, Clock clock) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.profiles = profiles;
        this.writer = writer;
        this.ruleSets = ruleSets;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /**
     * Processes the chunk; on an error nothing is kept and the chunk is given back for another attempt.
     *
     * @throws IllegalStateException after giving the chunk back, when processing failed
     */
    public Outcome process(ChunkClaim claim) {
        if (!runs.status(claim.runId()).map("RUNNING"::equals).orElse(false)) {
            started.remove(claim.runId());
            return Outcome.RUN_GONE;
        }
        RunRecord run = started(claim.runId());
        try {
            // the run's rule-set version, not the active one: every chunk of a run is judged by the same rules
            CompiledRuleSet rules = ruleSets.get(run.rulesetVersion());
            ContingencyCatalog catalog = catalogs.of(rules);
            AssessmentPolicy policy = new AssessmentPolicy(run.constants().autoIncreasePercent(), run.constants().limitRounding());
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    if (!runs.markDone(connection, claim)) {
                        connection.rollback();
                        return Outcome.LOST_CLAIM;
                    }
                    List<CustomerFigures> figures = profiles.load(connection, run.id(), run.scope(), claim.firstId(),
                            claim.lastId(), run.constants());
                    List<CustomerAssessment> assessed = new ArrayList<>(figures.size());
                    List<ChunkWriter.FailedItem> failed = new ArrayList<>();
                    for (CustomerFigures customer : figures) {
                        if (customer.badData() != null) {
                            failed.add(new ChunkWriter.FailedItem(customer.customerId(), customer.badData()));
                            continue;
                        }
                        CustomerAssessment assessment = CustomerAssessor.assess(rules, customer.profile(), policy);
                        if (assessment.failed()) {
                            failed.add(new ChunkWriter.FailedItem(customer.customerId(), assessment.failure()));
                        } else {
                            assessed.add(assessment);
                        }
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    ChunkStats stats = writer.write(connection, run, claim, assessed, failed, catalog, now);
                    runs.recordResult(connection, claim, stats.assessed(), stats.failed(), stats);
                    connection.commit();
                    return Outcome.COMMITTED;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        } catch (SQLException | RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            runs.release(claim, error);
            throw new IllegalStateException("chunk " + claim.chunkNo() + " of run " + claim.runId() + " failed: " + error, e);
        }
    }

    private RunRecord started(UUID runId) {
        if (started.size() > 16) {
            started.clear(); // runs that finished elsewhere; re-read on demand
        }
        return started.computeIfAbsent(runId, id -> runs.find(id)
                .orElseThrow(() -> new IllegalStateException("run " + id + " does not exist")));
    }
}
