package io.salesrisk.decision.persistence;

import io.salesrisk.facts.Reason;
import io.salesrisk.order.persistence.OrderRow;
import io.salesrisk.order.persistence.OrderStatus;
import io.salesrisk.ordercheck.OrderFacts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The rows one evaluation stores: the order (inserted, or updated when it was evaluated before) and the decision,
 * with what the features that write beside them (the holds) need to know.
 *
 * @param orderExisted   whether the order row was there when the evaluation read
 * @param previousStatus the order's status before this evaluation, or null for a new order
 * @param facts          the facts the rules saw
 * @param reasons        the decision's reasons
 * @param cause          why it was evaluated when an officer or the service asked (a recheck), or null
 */
public record EvaluationWrite(OrderRow order, boolean orderExisted, OrderStatus previousStatus, DecisionRow decision,
                              OrderFacts facts, List<Reason> reasons, Cause cause) {

    /**
     * The decision with its fact snapshot; JSON columns hold JSON text.
     *
     * @param firedRules the rules that fired in firing order (the JSON's list), for the per-rule firing rows
     */
    public record DecisionRow(UUID id, String orderId, String customerId, String outcome, String conditionsJson,
                              String reasonsJson, String factsJson, String firedRulesJson, List<String> firedRules,
                              String rulesetVersion, OffsetDateTime evaluatedAt, String evaluatedBy, long engineMicros) {
    }

    /** An evaluation someone asked for on an existing order, recorded on its hold: e.g. RECHECKED by risk. */
    public record Cause(String action, String actor, String comment) {
    }
}
