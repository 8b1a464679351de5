package io.salesrisk.reevaluation.run;

import io.quarkus.logging.Log;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.persistence.PlanActivation;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanRepository;
import io.salesrisk.contingency.service.ActivePlans;
import io.salesrisk.contingency.service.ContingencyCatalogs;
import io.salesrisk.contingency.service.PlanActivator;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.facts.RaisedRisks;
import io.salesrisk.reevaluation.persistence.ChunkRepository;
import io.salesrisk.reevaluation.persistence.FailureRepository;
import io.salesrisk.reevaluation.persistence.RunRepository;
import io.salesrisk.ruleset.service.CompiledRuleSets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The last step of a run, taken by exactly one instance once every chunk is done or given up: sums the chunks'
 * statistics into segment, portfolio and market figures, runs the contingency triggers over them, activates the
 * plans they ask for and ends the plans of the covered scopes whose trigger no longer holds, then stores the summary.
 */
@ApplicationScoped
public class RunFinisher {

    /** Failed customers listed in the summary itself; all of them are at /api/reevaluations/{id}/failures. */
    static final int FAILURES_IN_SUMMARY = 100;

    /** A plan activated or ended by the run's portfolio-level step. */
    public record PlanChange(String plan, String scope, String riskType, String level, String message, Object values) {
    }

    /** The limit changes of a run. */
    public record LimitChanges(int increased, int decreased, int proposed, int proposalsSuperseded,
                               BigDecimal increaseTotal, BigDecimal decreaseTotal) {
    }

    /** The stored summary of a completed run. */
    public record Summary(int assessed, int failed, int changed, Map<String, Integer> classTransitions,
                          LimitChanges limits, int termsChanged, int prepaymentRequired, int prepaymentChanged,
                          Map<String, Map<String, Integer>> signals, int alertsOpened, int alertsRepeated,
                          int customerPlansActivated, int customerPlansEnded, List<PlanChange> plansActivated,
                          List<PlanChange> plansEnded, PortfolioView portfolio, List<SegmentView> segments,
                          List<MarketView> markets, List<FailureRepository.Failure> failures, List<ChunkRepository.FailedChunk> failedChunks,
                          String triggerFailure, Map<String, BigDecimal> exposureByClass) {
    }

    /** Portfolio figures as the triggers saw them (null when the run did not cover the whole portfolio). */
    public record PortfolioView(int customers, BigDecimal totalExposure, BigDecimal exposureClassDEPercent,
                                BigDecimal overdueRatioPercent, BigDecimal salesDropPercent) {
    }

    public record SegmentView(String segment, int customers, BigDecimal exposure, BigDecimal exposureClassDEPercent,
                              BigDecimal overdueRatioPercent, BigDecimal salesDropPercent) {
    }

    public record MarketView(String industry, BigDecimal latestIndex, BigDecimal indexDropPercent) {
    }

    private final RunRepository runs;
    private final ChunkRepository chunks;
    private final FailureRepository failures;
    private final CompiledRuleSets ruleSets;
    private final ContingencyCatalogs catalogs;
    private final PlanActivator activator;
    private final PlanRepository plans;
    private final ActivePlans activePlans;
    private final JsonText json;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<ReevaluationCompleted> completed;

    public RunFinisher(RunRepository runs, ChunkRepository chunks, FailureRepository failures, CompiledRuleSets ruleSets,
                       ContingencyCatalogs catalogs, PlanActivator activator, PlanRepository plans, ActivePlans activePlans,
                       JsonText json, Clock clock, jakarta.enterprise.event.Event<ReevaluationCompleted> completed) {
        this.completed = completed;
        this.runs = runs;
        this.chunks = chunks;
        this.failures = failures;
        this.ruleSets = ruleSets;
        this.catalogs = catalogs;
        this.activator = activator;
        this.plans = plans;
        this.activePlans = activePlans;
        this.json = json;
        this.clock = clock;
    }

    /** Finishes the run (if this caller wins the finishing step); true when it did. */
    public boolean finish(UUID runId, String instance, java.time.Duration lease) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!runs.startFinishing(runId, instance, lease, now)) {
            return false;
        }
        RunRecord run = runs.record(runId).orElseThrow();
        ChunkStats total = new ChunkStats();
        chunks.stats(runId).forEach(total::merge);
        CompiledRuleSet rules = ruleSets.get(run.rulesetVersion());
        ContingencyCatalog catalog = catalogs.of(rules);

        PortfolioTriggers.Outcome triggers = PortfolioTriggers.evaluate(total, run.scope(), run.constants(), rules);
        RaisedRisks raised = triggers.raised();
        String triggerFailure = triggers.failure();
        PortfolioView portfolio = triggers.portfolio();
        List<SegmentView> segmentViews = triggers.segments();
        List<MarketView> marketViews = triggers.markets();
        if (triggerFailure != null) {
            // a failing trigger proves nothing either way: every plan stays as it is
            Log.warnf("contingency triggers of run %s failed: %s", runId, triggerFailure);
        }
        // intercepted self-invocation (Quarkus ArC): complete() runs in its own transaction
        Summary summary = complete(run, total, raised, triggerFailure, catalog, portfolio, segmentViews, marketViews, now);
        activePlans.refresh();
        completed.fire(new ReevaluationCompleted(runId));
        Log.infof("re-evaluation run %s completed: %d assessed, %d failed, %d plan(s) activated, %d ended",
                runId, total.assessed, total.failed, summary.plansActivated().size(), summary.plansEnded().size());
        return true;
    }

    /**
     * Activates the plans the triggers ask for, ends those of the judged scopes no longer raised, and completes the
     * run with its summary, in one transaction.
     */
    @Transactional
    Summary complete(RunRecord run, ChunkStats total, RaisedRisks raised, String triggerFailure, ContingencyCatalog catalog,
                     PortfolioView portfolio, List<SegmentView> segmentViews, List<MarketView> marketViews, OffsetDateTime now) {
        List<PlanChange> activated = new ArrayList<>();
        List<PlanChange> ended = new ArrayList<>();
        if (triggerFailure == null) {
            List<PlanActivator.RaisedRisk> risks = raised.getRaised().stream()
                    .map(r -> new PlanActivator.RaisedRisk(r.riskType(), r.scope(), r.finding())).toList();
            for (PlanActivation activation : activator.activate(catalog, risks, run.id(), now)) {
                activated.add(new PlanChange(activation.plan().code(), activation.scope(), activation.risk().riskType(),
                        activation.risk().level().name(), activation.message(), activation.values()));
            }
            ended.addAll(endPlansNoLongerRaised(run, raised, catalog, now));
        }
        Summary summary = new Summary(total.assessed, total.failed, total.changed, total.classTransitions,
                new LimitChanges(total.limitsIncreased, total.limitsDecreased, total.limitsProposed,
                        total.proposalsSuperseded, total.limitIncreaseTotal, total.limitDecreaseTotal),
                total.termsChanged, total.prepaymentRequired, total.prepaymentChanged, total.signals,
                total.alertsOpened, total.alertsRepeated, total.customerPlansActivated, total.customerPlansEnded,
                activated, ended, portfolio, segmentViews, marketViews, failures.ofRun(run.id(), FAILURES_IN_SUMMARY),
                chunks.failed(run.id()), triggerFailure, total.exposureByClass());
        runs.complete(run.id(), json.write(summary), OffsetDateTime.now(clock));
        return summary;
    }

    /** Ends the active portfolio, segment and industry plans this run judged and found no longer raised. */
    private List<PlanChange> endPlansNoLongerRaised(RunRecord run, RaisedRisks raised, ContingencyCatalog catalog,
                                                    OffsetDateTime now) {
        Set<String> stillRaised = new HashSet<>();
        for (RaisedRisks.Raised risk : raised.getRaised()) {
            catalog.risk(risk.riskType()).ifPresent(r -> stillRaised.add(r.planCode() + "|" + risk.scope()));
        }
        List<UUID> ids = new ArrayList<>();
        List<PlanChange> ended = new ArrayList<>();
        for (PlanRecord plan : plans.activeAboveCustomers()) {
            if (judged(run, plan.scope()) && !stillRaised.contains(plan.planCode() + "|" + plan.scope())) {
                ids.add(plan.id());
                ended.add(new PlanChange(plan.planCode(), plan.scope(), plan.riskType(), plan.riskLevel(),
                        "the trigger condition no longer holds", null));
            }
        }
        plans.end(ids, "run " + run.id(), "the trigger condition no longer holds in run " + run.id(), now);
        return ended;
    }

    /** Whether this run saw the complete figures of the plan's scope. Customer plans are judged chunk by chunk. */
    private static boolean judged(RunRecord run, String scope) {
        if (scope.equals("PORTFOLIO")) {
            return run.scope().coversPortfolio();
        }
        if (scope.startsWith("SEGMENT:")) {
            return run.scope().coversSegment(scope.substring("SEGMENT:".length()));
        }
        // market indices are fixed for the whole run whatever its scope
        return scope.startsWith("INDUSTRY:");
    }
}
