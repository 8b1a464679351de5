package io.salesrisk.effectiveness.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How well each rule worked in a period: per rule and table row of the versions active in it, how often it fired and
 * decided, how its holds ended, how often its signals and alerts came true, and why it is flagged for review.
 *
 * @param from     first day of the period (UTC)
 * @param to       last day of the period, included
 * @param versions the rule-set versions active in the period (activated then, or stamped on its decisions)
 * @param flagged  how many rows are flagged for review
 * @param rules    one row per rule: order rules, then signal rules, then alert types
 */
public record EffectivenessReport(LocalDate from, LocalDate to, LocalDate asOf, List<String> versions,
                                  Thresholds thresholds, int flagged, List<RuleEffectiveness> rules, List<String> notes) {

    /** The configured review thresholds and outcome definitions. */
    public record Thresholds(BigDecimal maxOverridePercent, BigDecimal minLift, boolean flagNeverFired, int overdueDays,
                             int horizonDays, List<String> salesDropSignals) {
    }

    /**
     * One rule (or, for kind ALERT, one alert type).
     *
     * @param kind      ORDER (fires in order decisions), SIGNAL (raises risk signals in re-evaluation runs) or ALERT
     * @param source    file, sheet and row (or DRL file and line) in the newest active version listing it, else null
     * @param decisions order decisions it fired in
     * @param fired     times it fired in them
     * @param decided   decisions whose final outcome was its reaction
     * @param holds     for a rule that held orders, how officers ended the holds, else null
     * @param signals   for a signal rule or alert type, what happened next, else null
     * @param flags     NEVER_FIRED, OVERRIDE_RATE, LOW_LIFT
     * @param reason    why it is flagged, in words, or null
     */
    public record RuleEffectiveness(String rule, String kind, String source, List<String> versions, long decisions,
                                    long fired, long decided, HoldFigures holds, SignalFigures signals,
                                    List<String> flags, String reason) {
        public boolean flagged() {
            return !flags.isEmpty();
        }
    }

    /**
     * The holds a rule asked for (REVIEW or BLOCK) whose decision was taken in the period.
     *
     * @param overridePercent  released of released + rejected by officers, or null when officers decided none
     * @param releasesScored   releases whose horizon has passed
     * @param badReleases      of those, releases after which the customer had an invoice more than the overdue days
     *                         past due within the horizon
     * @param releasesPending  releases too recent to be scored
     */
    public record HoldFigures(long held, long released, long rejected, BigDecimal overridePercent, long releasesScored,
                              long badReleases, BigDecimal badReleasePercent, long releasesPending) {
    }

    /**
     * What followed a signal type (counted per run and customer).
     *
     * @param outcome       SALES_DROP or OVERDUE: what counts as the signal coming true
     * @param raised        run-customer pairs raised in the period
     * @param scored        those whose horizon has passed
     * @param pending       those not yet scored
     * @param hits          scored ones with the outcome
     * @param baseCustomers every customer the same runs assessed (scored)
     * @param baseHits      of those, with the outcome
     * @param lift          hit rate / base rate, or null when either is unknown or the base rate is 0
     */
    public record SignalFigures(String type, String outcome, long raised, long scored, long pending, long hits,
                                BigDecimal hitPercent, long baseCustomers, long baseHits, BigDecimal basePercent,
                                BigDecimal lift) {
    }
}
