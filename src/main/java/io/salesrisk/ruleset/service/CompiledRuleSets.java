package io.salesrisk.ruleset.service;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleEngine;
import io.salesrisk.engine.RuleSetCompilationException;
import io.salesrisk.ruleset.persistence.RuleSetStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled rule sets by version, the few most recently used kept in memory: activating, simulating and explaining
 * the same versions again does not recompile them. Compiling from the store is safe because a stored version's
 * files never change.
 */
public final class CompiledRuleSets {

    private static final int KEEP = 8;

    private final RuleEngine engine;
    private final RuleSetStore store;
    private final Map<String, CompiledRuleSet> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
            return size() > KEEP;
        }
    };

    public CompiledRuleSets(RuleEngine engine, RuleSetStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** Remembers a rule set just compiled. */
    public synchronized void put(CompiledRuleSet ruleSet) {
        recent.put(ruleSet.version(), ruleSet);
    }

    /** The compiled version, compiled from its stored files if it is not in memory. */
    public CompiledRuleSet get(String version) {
        synchronized (this) {
            CompiledRuleSet cached = recent.get(version);
            if (cached != null) {
                return cached;
            }
        }
        try {
            CompiledRuleSet compiled = engine.compile(store.files(version));
            put(compiled);
            return compiled;
        } catch (RuleSetCompilationException e) {
            throw new IllegalStateException("stored rule set " + version + " no longer compiles: " + e.getMessage(), e);
        }
    }
}
