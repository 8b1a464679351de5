package io.salesrisk.decision.persistence;

import io.salesrisk.order.persistence.OrderRow;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The rows one evaluation stores: the order (inserted, or updated when it was evaluated before) and the decision.
 *
 * @param orderExisted whether the order row was there when the evaluation read
 */
public record EvaluationWrite(OrderRow order, boolean orderExisted, DecisionRow decision) {

    /** The decision with its fact snapshot; JSON columns hold JSON text. */
    public record DecisionRow(UUID id, String orderId, String customerId, String outcome, String conditionsJson,
                              String reasonsJson, String factsJson, String firedRulesJson, String rulesetVersion,
                              OffsetDateTime evaluatedAt, String evaluatedBy, long engineMicros) {
    }
}
