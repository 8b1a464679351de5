package io.salesrisk.ruleset.config;

import io.salesrisk.engine.RuleEngine;
import io.salesrisk.engine.drools.DroolsRuleEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one place that picks the engine implementation. */
public class EngineProducer {

    @Produces
    @ApplicationScoped
    RuleEngine ruleEngine(RulesConfig config) {
        return new DroolsRuleEngine(config.maxFirings());
    }
}
