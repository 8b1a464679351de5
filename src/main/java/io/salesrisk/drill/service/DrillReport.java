package io.salesrisk.drill.service;

import io.salesrisk.reevaluation.run.RunFinisher;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a drill found, stored as JSON with the drill. "Before" is the re-evaluation of the same facts without the
 * scenario, "after" with it, so the report shows what the scenario does, not what a re-evaluation would change anyway;
 * {@code currentClass} is the class stored today.
 */
public record DrillReport(Counts counts, Map<String, Map<String, Integer>> classMatrix, Signals signals,
                          List<AlertView> alerts, List<PlanView> plans, HeldOrders heldOrders,
                          List<CustomerChange> customers, boolean customersTruncated, Triggers triggersBefore,
                          Triggers triggersAfter, List<String> notes, Timing timing) {

    /** Where the drill's time went, in milliseconds: reading the facts, both assessments, triggers, the orders. */
    public record Timing(long read, long assess, long triggers, long orders) {
    }

    /** Customers listed at most; the counts and the matrix cover all. */
    public static final int CUSTOMERS_LISTED = 1000;
    /** Signals and alerts listed at most. */
    public static final int SIGNALS_LISTED = 1000;

    /**
     * Counts over the whole portfolio.
     *
     * @param touched customers whose facts the scenario changes
     * @param changed customers whose class, limit, terms, prepayment or signals differ after the scenario
     * @param plansActivated plans the triggers raise under the scenario; {@code plansAdded} those of them they do not
     *                       raise on today's facts
     */
    public record Counts(int customers, int touched, int changed, int failed, int classChanged, int classWorse,
                         int limitsDecreased, int limitsIncreased, BigDecimal limitDecreaseTotal,
                         BigDecimal limitIncreaseTotal, int prepaymentNewlyRequired, int signalsAdded, int alerts,
                         int plansActivated, int plansAdded, int ordersHeld) {
    }

    /** Signals by type and severity with and without the scenario, and those the scenario adds. */
    public record Signals(Map<String, Map<String, Integer>> before, Map<String, Map<String, Integer>> after,
                          List<SignalView> added, boolean addedTruncated) {
    }

    public record SignalView(String customerId, String type, String severity, String rule, String message) {
    }

    /** An alert the scenario would raise (or repeat, where the same one is open). */
    public record AlertView(String type, String subjectType, String subjectId, String owner, String severity,
                            String message) {
    }

    /**
     * A plan the triggers would activate under the scenario.
     *
     * @param alsoWithoutScenario the triggers raise it on today's facts too
     * @param alreadyActive       it is active now
     */
    public record PlanView(String plan, String description, String scope, String riskType, String level, String rule,
                           String message, List<ActionView> actions, boolean alsoWithoutScenario, boolean alreadyActive) {
    }

    public record ActionView(String type, List<String> riskClasses, BigDecimal percent, List<String> owners) {
    }

    /**
     * The open orders of the customers the scenario changes (or that a plan it activates covers), decided again by the
     * order rules of the drilled version with the customer's class, limit, prepayment and overdue figures under the
     * scenario and the measures of the plans it activates.
     */
    public record HeldOrders(String selection, int reDecided, int wouldBeHeld, int newlyHeld, int wouldBeApproved,
                             List<OrderView> orders, boolean truncated) {
    }

    public record OrderView(String orderId, String customerId, BigDecimal amount, String statusNow, String outcome,
                            List<String> reasons) {
    }

    public record CustomerChange(String customerId, String segment, String region, String industry, String currentClass,
                                 String classBefore, String classAfter, int scoreBefore, int scoreAfter,
                                 BigDecimal limitBefore, BigDecimal limitAfter, boolean prepaymentBefore,
                                 boolean prepaymentAfter, int termsBefore, int termsAfter, BigDecimal overdueBefore,
                                 BigDecimal overdueAfter, List<String> signalsAdded) {
    }

    /** The figures the contingency triggers judged, and whether they ran to the end. */
    public record Triggers(RunFinisher.PortfolioView portfolio, List<RunFinisher.SegmentView> segments,
                           List<RunFinisher.MarketView> markets, String failure) {
    }
}
