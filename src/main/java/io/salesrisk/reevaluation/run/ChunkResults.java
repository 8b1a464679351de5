package io.salesrisk.reevaluation.run;

import io.salesrisk.alert.persistence.AlertRepository;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertConfig;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.common.reference.ReferenceConfig;
import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanRepository;
import io.salesrisk.contingency.service.PlanActivator;
import io.salesrisk.customer.persistence.AssessedStanding;
import io.salesrisk.customer.persistence.CustomerRepository;
import io.salesrisk.facts.Assessment;
import io.salesrisk.limitproposal.persistence.LimitProposalRepository;
import io.salesrisk.limitproposal.persistence.NewLimitProposal;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import io.salesrisk.reevaluation.persistence.AssessmentRepository;
import io.salesrisk.reevaluation.persistence.FailureRepository;
import io.salesrisk.reevaluation.persistence.SignalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores what one chunk found, in the chunk's transaction, each table through its owner: changed customers (and a
 * record of each change with its reasons), failed items, limit proposals, risk signals, alerts and customer-level
 * contingency plans. Customers whose values stay the same cost no write at all.
 */
@ApplicationScoped
public class ChunkResults {

    private final CustomerRepository customers;
    private final AssessmentRepository assessments;
    private final FailureRepository failures;
    private final SignalRepository signals;
    private final LimitProposalRepository proposals;
    private final AlertService alerts;
    private final AlertConfig alertConfig;
    private final PlanRepository plans;
    private final PlanActivator activator;
    private final AssessmentReasons reasons;
    private final Set<String> weakClasses;
    private final boolean bypassAlerts;

    public ChunkResults(CustomerRepository customers, AssessmentRepository assessments, FailureRepository failures,
                        SignalRepository signals, LimitProposalRepository proposals, AlertService alerts,
                        AlertConfig alertConfig, PlanRepository plans, PlanActivator activator, AssessmentReasons reasons,
                        ReferenceConfig reference,
                        @ConfigProperty(name = "salesrisk.benchmark.bypass-alerts", defaultValue = "false") boolean bypassAlerts) {
        this.customers = customers;
        this.assessments = assessments;
        this.failures = failures;
        this.signals = signals;
        this.proposals = proposals;
        this.alerts = alerts;
        this.alertConfig = alertConfig;
        this.plans = plans;
        this.activator = activator;
        this.reasons = reasons;
        this.weakClasses = Set.copyOf(reference.weakRiskClasses());
        this.bypassAlerts = bypassAlerts; // benchmark only: what raising alerts (and their outbox events) costs a run
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ChunkStats write(RunRecord run, ChunkClaim claim, List<CustomerAssessment> assessed,
                            List<FailureRepository.Failure> failed, ContingencyCatalog catalog, OffsetDateTime now) {
        List<FailureRepository.Failure> allFailed = new ArrayList<>(failed);
        List<CustomerAssessment> kept = storeStandings(assessed, allFailed, now);
        List<CustomerAssessment> changed = kept.stream().filter(CustomerAssessment::changed).toList();
        assessments.insertAll(run.id(), changed.stream().map(reasons::record).toList(), now);
        failures.insertAll(run.id(), allFailed);
        ChunkStats stats = new ChunkStats();
        writeProposals(run.id(), claim, kept, stats, now);
        writeSignals(run.id(), kept, stats, now);
        writeCustomerPlans(run.id(), claim, kept, catalog, stats, now);
        stats.count(kept, changed.size(), allFailed.size(), weakClasses);
        return stats;
    }

    /**
     * Stores the new values of changed customers, guarded by the limit and class they were assessed with: a customer
     * whose limit a risk officer changed in the meantime becomes a failed item rather than losing that change.
     */
    private List<CustomerAssessment> storeStandings(List<CustomerAssessment> assessed, List<FailureRepository.Failure> failed,
                                                    OffsetDateTime now) {
        List<AssessedStanding> changed = assessed.stream().filter(CustomerAssessment::changed)
                .map(a -> new AssessedStanding(a.customerId(), a.score(), a.classAfter(), a.limitAfter(), a.termsAfter(),
                        a.prepaymentAfter(), a.limitBefore(), a.classBefore())).toList();
        Set<String> conflicts = customers.applyAssessments(changed, now);
        if (conflicts.isEmpty()) {
            return assessed;
        }
        conflicts.stream().sorted().forEach(id -> failed.add(new FailureRepository.Failure(id, "changed by someone else "
                + "while being assessed (limit or class); the next run assesses it again")));
        return assessed.stream().filter(a -> !conflicts.contains(a.customerId())).toList();
    }

    private void writeProposals(UUID runId, ChunkClaim claim, List<CustomerAssessment> kept, ChunkStats stats,
                                OffsetDateTime now) {
        List<NewLimitProposal> proposed = new ArrayList<>();
        for (CustomerAssessment a : kept) {
            if (a.limitProposed() != null) {
                proposed.add(new NewLimitProposal(a.customerId(), runId, a.limitBefore(), a.limitProposed(), reasons.json(a)));
            }
        }
        proposals.proposeAll(proposed, now);
        Set<String> pending = proposals.pendingBetween(claim.firstId(), claim.lastId());
        List<String> superseded = kept.stream().filter(a -> a.limitProposed() == null && pending.contains(a.customerId()))
                .map(CustomerAssessment::customerId).toList();
        proposals.supersede(superseded, runId, now);
        stats.limitsProposed = proposed.size();
        stats.proposalsSuperseded = superseded.size();
    }

    private void writeSignals(UUID runId, List<CustomerAssessment> kept, ChunkStats stats, OffsetDateTime now) {
        List<SignalRepository.NewSignal> found = new ArrayList<>();
        List<NewAlert> raised = new ArrayList<>();
        for (CustomerAssessment a : kept) {
            for (Assessment.Signal signal : a.signals()) {
                Map<String, Object> values = signal.finding().values();
                found.add(new SignalRepository.NewSignal(a.customerId(), signal.type(), signal.severity(),
                        signal.finding().rule(), signal.finding().message(), values));
                stats.signal(signal.type(), signal.severity().name());
                if (alertConfig.raises(signal.severity())) {
                    raised.add(new NewAlert(signal.type(), "CUSTOMER", a.customerId(), null, signal.severity(),
                            "customer " + a.customerId() + ": " + signal.finding().message(), values, runId));
                }
            }
        }
        signals.insertAll(runId, found, now);
        if (bypassAlerts) {
            return;
        }
        AlertRepository.RaiseCounts counts = alerts.raise(raised, now);
        stats.alertsOpened = counts.opened();
        stats.alertsRepeated = counts.repeated();
    }

    /** Activates the plans customer-level triggers ask for and ends those whose trigger no longer holds. */
    private void writeCustomerPlans(UUID runId, ChunkClaim claim, List<CustomerAssessment> kept, ContingencyCatalog catalog,
                                    ChunkStats stats, OffsetDateTime now) {
        List<PlanActivator.RaisedRisk> raised = new ArrayList<>();
        Set<String> raisedScopes = new HashSet<>();
        Map<String, CustomerAssessment> byScope = new LinkedHashMap<>();
        for (CustomerAssessment a : kept) {
            String scope = "CUSTOMER:" + a.customerId();
            byScope.put(scope, a);
            for (Assessment.RaisedRisk risk : a.risks()) {
                raised.add(new PlanActivator.RaisedRisk(risk.riskType(), scope, risk.finding()));
                catalog.risk(risk.riskType()).ifPresent(r -> raisedScopes.add(r.planCode() + "|" + scope));
            }
        }
        stats.customerPlansActivated = activator.activate(catalog, raised, runId, now).size();
        List<UUID> ended = new ArrayList<>();
        for (PlanRecord plan : plans.activeWithScopeBetween("CUSTOMER:" + claim.firstId(), "CUSTOMER:" + claim.lastId())) {
            if (byScope.containsKey(plan.scope()) && !raisedScopes.contains(plan.planCode() + "|" + plan.scope())) {
                ended.add(plan.id());
            }
        }
        stats.customerPlansEnded = plans.end(ended, "run " + runId, "the trigger condition no longer holds in run " + runId, now);
    }
}
