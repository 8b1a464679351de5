package io.salesrisk.ruleset.health;

import io.salesrisk.ruleset.service.ActiveRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a rule set is active; reports its version and size. */
@Readiness
@ApplicationScoped
public class RuleSetReadinessCheck implements HealthCheck {

    private final ActiveRuleSet active;

    public RuleSetReadinessCheck(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        return active.find()
                .map(ruleSet -> HealthCheckResponse.named("ruleset").up()
                        .withData("version", ruleSet.version())
                        .withData("rules", ruleSet.rules().size())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("ruleset").down().build());
    }
}
