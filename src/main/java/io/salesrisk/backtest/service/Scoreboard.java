package io.salesrisk.backtest.service;

import io.salesrisk.backtest.persistence.CustomerOutcome;
import io.salesrisk.facts.SignalOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counts a population (customers assessed, or orders replayed) and its flagged groups (a signal type, a severity,
 * a table row), then scores each group against the outcomes its type predicts. A member is kept as its outcome and
 * a group as a bit set over the members, so a backtest of 100,000 customers holds a few megabytes.
 */
final class Scoreboard {

    /** A group of flagged members: a signal type at a severity (ALL for any), or one table row of it. */
    record Group(String signalType, String severity, String rule) {
    }

    private final String population;
    private final Function<String, List<SignalOutcome.Measure>> measuresOf;
    private final List<CustomerOutcome> members = new ArrayList<>();
    private final Map<Group, BitSet> groups = new LinkedHashMap<>();

    Scoreboard(String population, Function<String, List<SignalOutcome.Measure>> measuresOf) {
        this.population = population;
        this.measuresOf = measuresOf;
    }

    /** Adds a member; the returned index is what {@link #flag} takes. */
    int add(CustomerOutcome outcome) {
        members.add(outcome);
        return members.size() - 1;
    }

    void flag(int member, Group group) {
        groups.computeIfAbsent(group, g -> new BitSet()).set(member);
    }

    int size() {
        return members.size();
    }

    /** Members in any of the groups that match, e.g. every customer with a HIGH signal of any type. */
    int flaggedWhere(java.util.function.Predicate<Group> which) {
        BitSet any = new BitSet();
        groups.forEach((group, flagged) -> {
            if (which.test(group)) {
                any.or(flagged);
            }
        });
        return any.cardinality();
    }

    /** Every group scored against each outcome of its type, types in name order, ALL before severities, rows last. */
    List<BacktestReport.Score> scores() {
        List<BacktestReport.Score> scores = new ArrayList<>();
        Map<SignalOutcome.Measure, Integer> positives = new LinkedHashMap<>();
        groups.keySet().stream()
                .sorted(Comparator.comparing(Group::signalType).thenComparing(g -> g.rule() != null)
                        .thenComparing(g -> !g.severity().equals("ALL")).thenComparing(Group::severity)
                        .thenComparing(g -> g.rule() == null ? "" : g.rule()))
                .forEach(group -> {
                    BitSet flagged = groups.get(group);
                    for (SignalOutcome.Measure measure : measuresOf.apply(group.signalType())) {
                        int hits = 0;
                        for (int i = flagged.nextSetBit(0); i >= 0; i = flagged.nextSetBit(i + 1)) {
                            if (members.get(i).happened(measure.kind(), measure.threshold())) {
                                hits++;
                            }
                        }
                        int withOutcome = positives.computeIfAbsent(measure, this::positives);
                        scores.add(score(group, measure, flagged.cardinality(), hits, withOutcome));
                    }
                });
        return scores;
    }

    /** How often each outcome the groups are scored by happened in the whole population. */
    List<BacktestReport.BaseRate> baseRates(List<SignalOutcome.Measure> measures) {
        Map<String, BacktestReport.BaseRate> rates = new LinkedHashMap<>();
        for (SignalOutcome.Measure measure : measures) {
            String key = measure.kind() + ":" + measure.threshold().toPlainString();
            rates.computeIfAbsent(key, k -> {
                int withOutcome = positives(measure);
                return new BacktestReport.BaseRate(measure.kind().name(), measure.threshold(), population, withOutcome,
                        members.size(), ratio(withOutcome, members.size()));
            });
        }
        return List.copyOf(rates.values());
    }

    private int positives(SignalOutcome.Measure measure) {
        int count = 0;
        for (CustomerOutcome member : members) {
            if (member.happened(measure.kind(), measure.threshold())) {
                count++;
            }
        }
        return count;
    }

    private BacktestReport.Score score(Group group, SignalOutcome.Measure measure, int flagged, int hits, int positives) {
        // lift = (hits / flagged) / (positives / population), from the counts rather than the rounded shares
        BigDecimal lift = flagged == 0 || positives == 0 ? null : BigDecimal.valueOf((long) hits * members.size())
                .divide(BigDecimal.valueOf((long) flagged * positives), 2, RoundingMode.HALF_UP);
        return new BacktestReport.Score(group.signalType(), group.severity(), group.rule(), measure.kind().name(),
                measure.threshold(), measure.rule(), flagged, hits, positives, members.size(), ratio(hits, flagged),
                ratio(hits, positives), lift, ratio(flagged, members.size()));
    }

    /** A share with 4 decimals, or null for 0 / 0. */
    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
