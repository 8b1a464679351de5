package io.salesrisk.reevaluation.run;

import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import io.salesrisk.reevaluation.assessment.CustomerAssessor;
import io.salesrisk.reevaluation.persistence.ChunkRepository;
import io.salesrisk.reevaluation.persistence.FailureRepository;
import io.salesrisk.reevaluation.profile.CustomerFigures;
import io.salesrisk.reevaluation.profile.ProfileQuery;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The transaction of one chunk: claim check, profile query, three rule phases per customer, every write. */
@ApplicationScoped
public class ChunkCommit {

    private final ChunkRepository chunks;
    private final ProfileQuery profiles;
    private final ChunkResults results;
    private final Clock clock;

    public ChunkCommit(ChunkRepository chunks, ProfileQuery profiles, ChunkResults results, Clock clock) {
        this.chunks = chunks;
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
        List<CustomerFigures> figures = profiles.load(run.id(), run.scope(), claim.firstId(), claim.lastId(), run.constants());
        List<CustomerAssessment> assessed = new ArrayList<>(figures.size());
        List<FailureRepository.Failure> failed = new ArrayList<>();
        for (CustomerFigures customer : figures) {
            if (customer.badData() != null) {
                failed.add(new FailureRepository.Failure(customer.customerId(), customer.badData()));
                continue;
            }
            CustomerAssessment assessment = CustomerAssessor.assess(rules, customer.profile(), policy);
            if (assessment.failed()) {
                failed.add(new FailureRepository.Failure(customer.customerId(), assessment.failure()));
            } else {
                assessed.add(assessment);
            }
        }
        ChunkStats stats = results.write(run, claim, assessed, failed, catalog, OffsetDateTime.now(clock));
        chunks.recordResult(claim, stats);
        return true;
    }
}
