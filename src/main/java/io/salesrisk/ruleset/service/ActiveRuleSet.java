package io.salesrisk.ruleset.service;

import io.salesrisk.engine.CompiledRuleSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set that evaluations use. Swapped atomically: an evaluation reads the reference once and finishes on
 * that version, while new evaluations see the new one.
 */
@ApplicationScoped
public class ActiveRuleSet {

    private final AtomicReference<CompiledRuleSet> current = new AtomicReference<>();

    /** The active rule set; fails if none was activated (startup activates one or does not start). */
    public CompiledRuleSet current() {
        CompiledRuleSet ruleSet = current.get();
        if (ruleSet == null) {
            throw new IllegalStateException("no rule set is active");
        }
        return ruleSet;
    }

    public Optional<CompiledRuleSet> find() {
        return Optional.ofNullable(current.get());
    }

    /** Makes the given rule set active and returns the one it replaced, if any. */
    public Optional<CompiledRuleSet> activate(CompiledRuleSet ruleSet) {
        return Optional.ofNullable(current.getAndSet(ruleSet));
    }
}
