package io.salesrisk.backtest.service;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.OutcomeKind;
import io.salesrisk.facts.SignalOutcome;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a signal type predicts, per the signal-outcome table of a rule set ({@code decision-tables/signal-outcomes.xlsx},
 * RuleTable {@code SignalOutcomes}), asked once per type. Backtests and rule effectiveness judge signals by it, so
 * both call the same thing "it happened".
 */
public final class SignalOutcomeTable {

    private final CompiledRuleSet rules;
    private final Map<String, List<SignalOutcome.Measure>> answers = new ConcurrentHashMap<>();

    public SignalOutcomeTable(CompiledRuleSet rules) {
        this.rules = rules;
    }

    /** The outcomes the type's rows name; empty when no row names the type. */
    public List<SignalOutcome.Measure> measuresOf(String signalType) {
        return answers.computeIfAbsent(signalType, type -> {
            SignalOutcome question = new SignalOutcome(type);
            RuleRun run = rules.run(List.of(question), question);
            if (run.failure() != null) {
                throw new IllegalStateException("the signal-outcome table failed for " + type + ": " + run.failure());
            }
            return question.getMeasures();
        });
    }

    /** Whether the type's first row judges it by a drop in sales. */
    public boolean judgedBySales(String signalType) {
        List<SignalOutcome.Measure> measures = measuresOf(signalType);
        return !measures.isEmpty() && measures.get(0).kind() == OutcomeKind.SALES_DROP;
    }

    /** Every outcome the table was asked about so far (for the base rates). */
    public List<SignalOutcome.Measure> allMeasures() {
        return answers.values().stream().flatMap(List::stream).toList();
    }
}
