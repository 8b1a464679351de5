package io.salesrisk.contingency.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.salesrisk.contingency.catalog.PlanAction;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanRepository;
import io.salesrisk.facts.ContingencyMeasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active contingency plans as order evaluation sees them: a snapshot in memory, indexed by scope so an evaluation
 * looks at the few plans that can cover its customer (portfolio, segment, industry, the customer itself), however
 * many customer-level plans are active. Replaced after every run on this instance and re-read periodically when
 * plans were activated or ended elsewhere. Order evaluation never waits for it. What a plan does to an order is the
 * rules' business: this class only says which plans cover a customer.
 */
@ApplicationScoped
public class ActivePlans {

    private record Snapshot(String changeMark, Map<String, List<PlanRecord>> byScope) {
        static final Snapshot EMPTY = new Snapshot(null, Map.of());
    }

    private final PlanRepository plans;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.EMPTY);

    public ActivePlans(PlanRepository plans) {
        this.plans = plans;
    }

    void load(@Observes StartupEvent startup) {
        refresh();
    }

    @Scheduled(every = "${salesrisk.contingency.refresh-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    public void refresh() {
        String mark = plans.changeMark();
        if (mark.equals(snapshot.get().changeMark())) {
            return;
        }
        Map<String, List<PlanRecord>> byScope = new HashMap<>();
        for (PlanRecord plan : plans.active()) {
            byScope.computeIfAbsent(plan.scope(), scope -> new ArrayList<>()).add(plan);
        }
        snapshot.set(new Snapshot(mark, byScope));
    }

    /** The codes of the active plans that cover a customer of this segment and industry, sorted. */
    public List<String> covering(String customerId, String segment, String industry) {
        TreeSet<String> codes = new TreeSet<>();
        forEachCovering(customerId, segment, industry, plan -> codes.add(plan.planCode()));
        return List.copyOf(codes);
    }

    /** The active plans that cover a customer of this segment and industry: portfolio, segment, industry, its own. */
    public List<PlanRecord> plansCovering(String customerId, String segment, String industry) {
        List<PlanRecord> covering = new ArrayList<>();
        forEachCovering(customerId, segment, industry, covering::add);
        return covering;
    }

    /** Every order-related action of the active plans that cover the customer, as facts for the order rules. */
    public List<ContingencyMeasure> measuresFor(String customerId, String segment, String industry) {
        List<ContingencyMeasure> measures = new ArrayList<>();
        forEachCovering(customerId, segment, industry, plan -> {
            for (PlanAction action : plan.actions()) {
                if (action.type() != PlanAction.Type.NOTIFY) {
                    measures.add(new ContingencyMeasure(plan.planCode(), plan.scope(), plan.riskType(), plan.riskLevel(),
                            action.type().name(), action.percent(), action.riskClasses()));
                }
            }
        });
        return measures;
    }

    private void forEachCovering(String customerId, String segment, String industry,
                                 java.util.function.Consumer<PlanRecord> consumer) {
        Map<String, List<PlanRecord>> byScope = snapshot.get().byScope();
        if (byScope.isEmpty()) {
            return;
        }
        for (String scope : new String[]{"PORTFOLIO", "SEGMENT:" + segment, "INDUSTRY:" + industry, "CUSTOMER:" + customerId}) {
            byScope.getOrDefault(scope, List.of()).forEach(consumer);
        }
    }
}
