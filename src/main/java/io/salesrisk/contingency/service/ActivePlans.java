package io.salesrisk.contingency.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.salesrisk.contingency.catalog.PlanAction;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.math.BigDecimal;
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
 * plans were activated or ended elsewhere. Order evaluation never waits for it.
 */
@ApplicationScoped
public class ActivePlans {

    private record Snapshot(String changeMark, List<PlanRecord> all, Map<String, List<PlanRecord>> byScope) {
        static final Snapshot EMPTY = new Snapshot(null, List.of(), Map.of());
    }

    private final PlanStore store;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.EMPTY);

    public ActivePlans(PlanStore store) {
        this.store = store;
    }

    void load(@Observes StartupEvent startup) {
        refresh();
    }

    @Scheduled(every = "${salesrisk.contingency.refresh-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        String mark = store.changeMark();
        if (mark.equals(snapshot.get().changeMark())) {
            return;
        }
        List<PlanRecord> plans = List.copyOf(store.active());
        Map<String, List<PlanRecord>> byScope = new HashMap<>();
        for (PlanRecord plan : plans) {
            byScope.computeIfAbsent(plan.scope(), scope -> new ArrayList<>()).add(plan);
        }
        snapshot.set(new Snapshot(mark, plans, byScope));
    }

    public List<PlanRecord> current() {
        return snapshot.get().all();
    }

    /** What the active plans mean for a customer of this segment, industry and risk class. */
    public PlanEffects effectsFor(String customerId, String segment, String industry, String riskClass) {
        Map<String, List<PlanRecord>> byScope = snapshot.get().byScope();
        if (byScope.isEmpty()) {
            return PlanEffects.NONE;
        }
        TreeSet<String> covering = new TreeSet<>();
        BigDecimal cut = BigDecimal.ZERO;
        boolean prepayment = false;
        for (String scope : new String[]{"PORTFOLIO", "SEGMENT:" + segment, "INDUSTRY:" + industry, "CUSTOMER:" + customerId}) {
            for (PlanRecord plan : byScope.getOrDefault(scope, List.of())) {
                covering.add(plan.planCode());
                for (PlanAction action : plan.actions()) {
                    if (!action.appliesToClass(riskClass)) {
                        continue;
                    }
                    if (action.type() == PlanAction.Type.CUT_LIMIT) {
                        cut = cut.max(action.percent());
                    } else if (action.type() == PlanAction.Type.REQUIRE_PREPAYMENT) {
                        prepayment = true;
                    }
                }
            }
        }
        return covering.isEmpty() ? PlanEffects.NONE : new PlanEffects(new ArrayList<>(covering), cut, prepayment);
    }
}
