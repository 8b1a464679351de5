package io.salesrisk.ruleset.config;

import io.salesrisk.engine.drools.DroolsRuleEngine;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.context.ManagedExecutor;

/** The one place that picks the engine implementation; large tables compile on the service's managed executor. */
public class EngineProducer {

    @Produces
    @Singleton
    DroolsRuleEngine ruleEngine(RulesConfig config, ManagedExecutor executor) {
        return new DroolsRuleEngine(config.maxFirings(), config.timeBudget(), executor);
    }

    void close(@Disposes DroolsRuleEngine engine) {
        engine.close();
    }
}
