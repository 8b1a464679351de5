package io.salesrisk.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the signal-outcome table ({@code decision-tables/signal-outcomes.xlsx}) what a signal type predicts, so a
 * backtest can score it against what happened next. A row answers with {@link #measureBy} and, in the next column,
 * {@link #threshold}; several rows may answer for one type (it is then scored against each). No row: the type is
 * reported as not scored, naming the table, rather than scored against a guess.
 */
public class SignalOutcome implements RuleAware {

    /** One row's answer: the outcome and its threshold (days or %, see {@link OutcomeKind}), with the row. */
    public record Measure(OutcomeKind kind, BigDecimal threshold, String rule, String source) {
    }

    private final String signalType;
    private final List<Measure> measures = new ArrayList<>();
    private RuleRef currentRule = RuleRef.system("unknown", "unknown");

    public SignalOutcome(String signalType) {
        this.signalType = signalType;
    }

    @Override
    public void enterRule(RuleRef rule) {
        currentRule = rule;
    }

    /** The row's outcome; its threshold follows in the next column. */
    public void measureBy(OutcomeKind kind) {
        measures.add(new Measure(kind, BigDecimal.ZERO, currentRule.name(), currentRule.source()));
    }

    /** The threshold of the outcome the same row named. */
    public void threshold(double threshold) {
        if (measures.isEmpty() || !measures.get(measures.size() - 1).rule().equals(currentRule.name())) {
            return; // a threshold without an outcome in its row: the table check reports such a row
        }
        Measure last = measures.remove(measures.size() - 1);
        measures.add(new Measure(last.kind(), BigDecimal.valueOf(threshold).stripTrailingZeros(), last.rule(), last.source()));
    }

    public String getSignalType() { return signalType; }
    public List<Measure> getMeasures() { return List.copyOf(measures); }
}
