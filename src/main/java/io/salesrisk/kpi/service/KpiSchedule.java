package io.salesrisk.kpi.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The scheduled KPI evaluation, on the cron in {@code salesrisk.kpis.schedule} ("off" disables it). Every instance
 * fires; the tick's key (its minute) is inserted with the evaluation under a unique constraint, so one instance
 * evaluates each tick and the others skip it.
 */
@ApplicationScoped
public class KpiSchedule {

    static final String SCHEDULER = "system:schedule";

    private final KpiService service;

    public KpiSchedule(KpiService service) {
        this.service = service;
    }

    @Scheduled(identity = "kpi-evaluation", cron = "${salesrisk.kpis.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fire(io.quarkus.scheduler.ScheduledExecution execution) {
        evaluateTick(execution.getScheduledFireTime());
    }

    /** Evaluates the tick unless another instance has; true when this call evaluated it. */
    public boolean evaluateTick(Instant scheduledAt) {
        String tick = "schedule:" + scheduledAt.truncatedTo(ChronoUnit.MINUTES);
        try {
            boolean evaluated = service.evaluate(null, SCHEDULER, tick).isPresent();
            Log.infof(evaluated ? "KPIs evaluated for %s" : "KPIs of %s were evaluated by another instance", tick);
            return evaluated;
        } catch (RuntimeException e) {
            if (service.tickEvaluated(tick)) {
                // another instance's insert of the same tick won the unique key; its evaluation stands
                Log.infof("KPIs of %s were evaluated by another instance (this one lost the insert)", tick);
            } else {
                Log.errorf(e, "KPI evaluation of %s failed", tick);
            }
            return false;
        }
    }
}
