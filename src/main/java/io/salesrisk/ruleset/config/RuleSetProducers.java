package io.salesrisk.ruleset.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.persistence.SqlDialect;
import io.salesrisk.engine.RuleEngine;
import io.salesrisk.ruleset.persistence.JdbcRuleSetStore;
import io.salesrisk.ruleset.persistence.RuleSetStore;
import io.salesrisk.ruleset.service.CompiledRuleSets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the plain (CDI-free) rule-set classes into the service. */
public class RuleSetProducers {

    @Produces
    @ApplicationScoped
    RuleSetStore ruleSetStore(AgroalDataSource dataSource, SqlDialect dialect, ObjectMapper mapper) {
        return new JdbcRuleSetStore(dataSource, dialect, mapper);
    }

    @Produces
    @ApplicationScoped
    CompiledRuleSets compiledRuleSets(RuleEngine engine, RuleSetStore store) {
        return new CompiledRuleSets(engine, store);
    }
}
