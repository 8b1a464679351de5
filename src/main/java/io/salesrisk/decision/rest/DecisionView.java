package io.salesrisk.decision.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.salesrisk.evaluation.service.OrderFacts;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Reason;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A decision on an order. {@code facts} and {@code firedRules} are included when one decision is read by id.
 *
 * @param availableCredit credit limit minus exposure before this order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(UUID decisionId, String orderId, String customerId, String outcome, List<String> conditions,
                           List<Reason> reasons, CreditExposure exposure, BigDecimal creditLimit,
                           BigDecimal availableCredit, String rulesetVersion, OffsetDateTime evaluatedAt,
                           String evaluatedBy, OrderFacts facts, List<String> firedRules) {
}
