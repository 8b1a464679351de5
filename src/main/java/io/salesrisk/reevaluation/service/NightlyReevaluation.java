package io.salesrisk.reevaluation.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.DuplicateRunException;
import io.salesrisk.reevaluation.run.RunTrigger;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The nightly run over all customers, on the cron expression in {@code salesrisk.reevaluation.schedule} ("off"
 * disables it). Every instance fires the schedule; the day's schedule key lets exactly one of them start the run.
 */
@ApplicationScoped
public class NightlyReevaluation {

    static final String SCHEDULER = "system:schedule";

    private final ReevaluationService service;
    private final Clock clock;

    public NightlyReevaluation(ReevaluationService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(identity = "nightly-reevaluation", cron = "${salesrisk.reevaluation.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fire() {
        startFor(LocalDate.now(clock));
    }

    /** Starts the scheduled run of the day, unless it was started already (here or on another instance). */
    public RunRecord startFor(LocalDate day) {
        try {
            RunRecord run = service.start(RunScope.all(), day, RunTrigger.SCHEDULE, SCHEDULER, "nightly:" + day);
            Log.infof("nightly re-evaluation %s started over %d customers", run.id(), run.total());
            return run;
        } catch (DuplicateRunException e) {
            Log.infof("nightly re-evaluation of %s not started: %s", day, e.getMessage());
            return null;
        }
    }
}
