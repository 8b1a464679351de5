package io.salesrisk.reevaluation.staged;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import io.salesrisk.reevaluation.assessment.CustomerAssessor;
import io.salesrisk.reevaluation.profile.CustomerFigures;

import java.util.ArrayList;
import java.util.List;

/**
 * The customers of one chunk assessed: the one piece of per-customer work a run does, whether the service's own
 * workers do it or a Spark executor does (which stages the result for the service to store).
 *
 * @param failed customers with bad data or whose assessment failed, with why
 */
public record ChunkAssessment(List<CustomerAssessment> assessed, List<Failed> failed) {

    public record Failed(String customerId, String reason) {
    }

    public static ChunkAssessment of(List<CustomerFigures> figures, CompiledRuleSet rules, AssessmentPolicy policy) {
        List<CustomerAssessment> assessed = new ArrayList<>(figures.size());
        List<Failed> failed = new ArrayList<>();
        for (CustomerFigures customer : figures) {
            if (customer.badData() != null) {
                failed.add(new Failed(customer.customerId(), customer.badData()));
                continue;
            }
            CustomerAssessment assessment = CustomerAssessor.assess(rules, customer.profile(), policy);
            if (assessment.failed()) {
                failed.add(new Failed(customer.customerId(), assessment.failure()));
            } else {
                assessed.add(assessment);
            }
        }
        return new ChunkAssessment(assessed, failed);
    }

    /** Rendered for staging, in the chunk's id order of assessed then failed customers. */
    public List<StagedResult> staged() {
        List<StagedResult> staged = new ArrayList<>(assessed.size() + failed.size());
        assessed.forEach(a -> staged.add(StagedResult.of(a)));
        failed.forEach(f -> staged.add(StagedResult.failed(f.customerId(), f.reason())));
        return staged;
    }

    /** Read back from staged results. */
    public static ChunkAssessment fromStaged(List<StagedResult> staged) {
        List<CustomerAssessment> assessed = new ArrayList<>(staged.size());
        List<Failed> failed = new ArrayList<>();
        for (StagedResult result : staged) {
            if (result.isFailure()) {
                failed.add(new Failed(result.customerId(), result.failure()));
            } else {
                assessed.add(result.toAssessment());
            }
        }
        return new ChunkAssessment(assessed, failed);
    }
}
