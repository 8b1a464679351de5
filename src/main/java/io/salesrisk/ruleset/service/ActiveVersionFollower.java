package io.salesrisk.ruleset.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps this instance on the version the database says is active, so every instance converges within a second or
 * two of an activation made on any of them.
 */
@ApplicationScoped
public class ActiveVersionFollower {

    private final RuleSetService service;

    public ActiveVersionFollower(RuleSetService service) {
        this.service = service;
    }

    @Scheduled(every = "${salesrisk.rules.sync-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void follow() {
        try {
            service.follow();
        } catch (RuntimeException e) {
            Log.warnf("could not follow the active rule set: %s", e.getMessage());
        }
    }
}
