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
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active contingency plans as order evaluation sees them: a snapshot in memory, replaced after every change on
 * this instance and re-read periodically for changes made by other instances. Order evaluation never waits for it.
 */
@ApplicationScoped
public class ActivePlans {

    private final PlanStore store;
    private final AtomicReference<List<PlanRecord>> snapshot = new AtomicReference<>(List.of());

    public ActivePlans(PlanStore store) {
        this.store = store;
    }

    void load(@Observes StartupEvent startup) {
        refresh();
    }

    @Scheduled(every = "${salesrisk.contingency.refresh-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        snapshot.set(List.copyOf(store.active()));
    }

    public List<PlanRecord> current() {
        return snapshot.get();
    }

    /** What the active plans mean for a customer of this segment, industry and risk class. */
    public PlanEffects effectsFor(String customerId, String segment, String industry, String riskClass) {
        List<PlanRecord> plans = snapshot.get();
        if (plans.isEmpty()) {
            return PlanEffects.NONE;
        }
        TreeSet<String> covering = new TreeSet<>();
        BigDecimal cut = BigDecimal.ZERO;
        boolean prepayment = false;
        for (PlanRecord plan : plans) {
            if (!plan.covers(customerId, segment, industry)) {
                continue;
            }
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
        return covering.isEmpty() ? PlanEffects.NONE : new PlanEffects(new ArrayList<>(covering), cut, prepayment);
    }
}
