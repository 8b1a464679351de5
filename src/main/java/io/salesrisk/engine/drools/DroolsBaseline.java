package io.salesrisk.engine.drools;

import io.salesrisk.engine.CompiledRuleSet;
import org.kie.api.runtime.StatelessKieSession;

import java.util.List;
import java.util.function.Consumer;

/**
 * For benchmarks only: a bare Drools stateless session on the same rule base as a compiled rule set, without
 * salesrisk's session pool, firing limit or firing record, to measure what the engine wrapper costs.
 */
public final class DroolsBaseline {

    private DroolsBaseline() {
    }

    /** Runs the facts through {@code kieBase.newStatelessKieSession().execute(facts)}. */
    public static Consumer<List<Object>> statelessSession(CompiledRuleSet ruleSet) {
        if (!(ruleSet instanceof DroolsRuleSet drools)) {
            throw new IllegalArgumentException("not a Drools rule set: " + ruleSet.getClass());
        }
        return facts -> {
            StatelessKieSession session = drools.knowledgeBase().newStatelessKieSession();
            session.execute(facts);
        };
    }
}
