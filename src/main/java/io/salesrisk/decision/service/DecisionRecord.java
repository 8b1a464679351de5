package io.salesrisk.decision.service;

import io.salesrisk.facts.Reason;
import io.salesrisk.ordercheck.OrderFacts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A decision on an order as taken or as stored: the outcome, conditions and reasons, the facts the rules saw, and
 * the rule-set version that decided.
 *
 * @param firedRules the rules that fired in firing order, or null where not read
 */
public record DecisionRecord(UUID id, String orderId, String customerId, String outcome, List<String> conditions,
                             List<Reason> reasons, OrderFacts facts, List<String> firedRules, String rulesetVersion,
                             OffsetDateTime evaluatedAt, String evaluatedBy) {
}
