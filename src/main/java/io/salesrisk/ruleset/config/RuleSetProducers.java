package io.salesrisk.ruleset.config;

import io.salesrisk.engine.RuleEngine;
import io.salesrisk.ruleset.persistence.RuleSetStore;
import io.salesrisk.ruleset.service.CompiledRuleSets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the plain (CDI-free) rule-set classes into the service. */
public class RuleSetProducers {

    @Produces
    @ApplicationScoped
    CompiledRuleSets compiledRuleSets(RuleEngine engine, RuleSetStore store) {
        return new CompiledRuleSets(engine, store);
    }
}
