package io.salesrisk.testsupport;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleSetCompilationException;
import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ruleset.service.RuleFolders;

import java.nio.file.Path;

/** The rule set compiled from the shipped rules/ and decision-tables/ folders, compiled once per test JVM. */
public final class ShippedRules {

    private static CompiledRuleSet compiled;

    private ShippedRules() {
    }

    public static synchronized CompiledRuleSet get() {
        if (compiled == null) {
            try {
                compiled = new DroolsRuleEngine(10_000).compile(RuleFolders.read(Path.of("rules"), Path.of("decision-tables")));
            } catch (RuleSetCompilationException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return compiled;
    }
}
