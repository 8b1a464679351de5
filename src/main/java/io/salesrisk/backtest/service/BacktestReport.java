package io.salesrisk.backtest.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a backtest found: every signal type (and severity, and table row) of the version scored against the outcome
 * its row of {@code decision-tables/signal-outcomes.xlsx} names, over the customers assessed as of the past day, and
 * the order decisions the version would have taken on the stored orders before that day scored the same way.
 *
 * @param customersNotYetKnown customers without any sales, invoice or order by the as-of day (not customers yet):
 *                             left out of the population
 * @param highAlertRate customers with at least one HIGH signal / customers assessed
 * @param signalRate    customers with at least one signal of any severity / customers assessed
 */
public record BacktestReport(String rulesetVersion, LocalDate asOf, int horizonMonths, int customersAssessed,
                             int customersFailed, int customersNotYetKnown, List<Failure> failures, BigDecimal highAlertRate,
                             BigDecimal signalRate, List<BaseRate> baseRates, List<Score> signals,
                             List<NotScored> notScored, Orders orders, long millis) {

    /** A customer the rules could not assess (truly broken data), as in a re-evaluation run. */
    public record Failure(String customerId, String reason) {
    }

    /** How often an outcome happened in the whole population: what a signal must beat. */
    public record BaseRate(String outcome, BigDecimal threshold, String population, int withOutcome, int of,
                           BigDecimal rate) {
    }

    /**
     * One signal type, severity or table row against one outcome.
     *
     * @param severity   HIGH, MEDIUM, LOW, or ALL for the type at any severity
     * @param rule       the table row (rule name) for a row's line, null for a type's or severity's line
     * @param measuredBy the row of the signal-outcome table that named the outcome
     * @param flagged    customers (or orders) with the signal
     * @param hits       of those, the ones the outcome happened to
     * @param positives  all customers (or orders) the outcome happened to
     * @param population customers assessed (or orders replayed)
     * @param precision  hits / flagged
     * @param recall     hits / positives
     * @param lift       precision / base rate (positives / population); null when either is 0
     * @param alertRate  flagged / population
     */
    public record Score(String signalType, String severity, String rule, String outcome, BigDecimal threshold,
                        String measuredBy, int flagged, int hits, int positives, int population, BigDecimal precision,
                        BigDecimal recall, BigDecimal lift, BigDecimal alertRate) {
    }

    /** A signal type the signal-outcome table has no row for: counted, not scored. */
    public record NotScored(String signalType, int flagged, String message) {
    }

    /**
     * The stored orders decided in the horizon's length before the as-of day, replayed through the version.
     *
     * @param held      replayed as REVIEW or BLOCK
     * @param scores    HELD_ORDER's outcome for all held orders (severity ALL), by outcome (BLOCK, REVIEW) and by
     *                  holding rule
     */
    public record Orders(LocalDate from, LocalDate to, int replayed, int held, List<Score> scores, String message) {
    }
}
