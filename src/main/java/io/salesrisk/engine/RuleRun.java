package io.salesrisk.engine;

import java.util.List;

/**
 * What happened in one run of the rules.
 *
 * @param firedRules     names of the rules that fired, in firing order
 * @param stoppedAtLimit true when the firing limit stopped a rule that kept re-firing (a loop)
 * @param failure        null, or which rule failed and how
 * @param nanos          time spent in the engine
 */
public record RuleRun(List<String> firedRules, boolean stoppedAtLimit, String failure, long nanos) {

    /** Whether the rules ran to completion. */
    public boolean completed() {
        return !stoppedAtLimit && failure == null;
    }
}
