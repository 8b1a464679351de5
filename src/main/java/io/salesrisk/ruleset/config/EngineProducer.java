package io.salesrisk.ruleset.config;

import io.salesrisk.engine.RuleEngine;
import io.salesrisk.engine.drools.DroolsRuleEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.context.ManagedExecutor;

/** The one place that picks the engine implementation; large tables compile on the service's managed executor. */
public class EngineProducer {

    @Produces
    @ApplicationScoped
    RuleEngine ruleEngine(RulesConfig config, ManagedExecutor executor) {
        return new DroolsRuleEngine(config.maxFirings(), executor);
    }
}
