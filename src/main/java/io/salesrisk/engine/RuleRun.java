package io.salesrisk.engine;

import java.util.List;

/**
 * What happened in one run of the rules.
 *
 * @param firedRules     names of the rules that fired, in firing order
 * @param stoppedAtLimit true when the firing limit stopped a rule that kept re-firing (a loop)
 * @param failure        null, or which rule failed and how
 * @param nanos          time spent in the engine
 * @param timedOut       true when the run was stopped because it took longer than the time budget
 */
public record RuleRun(List<String> firedRules, boolean stoppedAtLimit, String failure, long nanos, boolean timedOut) {

    /** A run that was not stopped for time. */
    public RuleRun(List<String> firedRules, boolean stoppedAtLimit, String failure, long nanos) {
        this(firedRules, stoppedAtLimit, failure, nanos, false);
    }

    /** Whether the rules ran to completion. */
    public boolean completed() {
        return !stoppedAtLimit && failure == null;
    }

    /** The rule that fired last, or "(none)". */
    public String lastRule() {
        return firedRules.isEmpty() ? "(none)" : firedRules.get(firedRules.size() - 1);
    }

    /**
     * "fired 10,000 rules: LoopForever 9,998 times, ..." for a report that must stay short however many rules fired.
     */
    public String firingSummary(int maxNames) {
        if (firedRules.size() <= maxNames) {
            return firedRules.toString();
        }
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        firedRules.forEach(rule -> counts.merge(rule, 1, Integer::sum));
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d rule firings: ", firedRules.size()));
        counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(maxNames)
                .forEach(e -> text.append(e.getKey()).append(String.format(java.util.Locale.ROOT, " \u00d7%,d, ", e.getValue())));
        if (counts.size() > maxNames) {
            text.append(counts.size() - maxNames).append(" more rules");
        } else {
            text.setLength(text.length() - 2);
        }
        return text.toString();
    }
}
