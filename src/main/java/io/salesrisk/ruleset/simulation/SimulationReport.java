package io.salesrisk.ruleset.simulation;

import io.salesrisk.facts.Reason;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a candidate rule set would have changed: the stored decisions of a period replayed on their stored facts
 * through the active version (baseline) and through the candidate.
 *
 * @param outcomes      counts by outcome: {@code baseline}, {@code candidate}, and {@code asDecided} (as stored)
 * @param transitions   how many decisions went from one outcome to another, e.g. APPROVE → REVIEW
 * @param changedCount  decisions whose outcome, conditions or reasons change
 * @param changed       the first {@code limit} of them, with both explanations
 */
public record SimulationReport(String candidate, String baseline, LocalDate from, LocalDate to, long decisions,
                               Map<String, Map<String, Long>> outcomes, List<Transition> transitions, long changedCount,
                               List<ChangedDecision> changed, long durationMillis, long decisionsPerSecond) {

    /** Decisions that moved from one outcome to another. */
    public record Transition(String from, String to, long count) {
    }

    /** One decision whose result changes. */
    public record ChangedDecision(UUID decisionId, String orderId, String customerId, OffsetDateTime evaluatedAt,
                                  Result baseline, Result candidate) {
    }

    /** A result on one side. */
    public record Result(String outcome, List<String> conditions, List<Reason> reasons) {
    }
}
