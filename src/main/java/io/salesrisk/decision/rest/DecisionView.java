package io.salesrisk.decision.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.salesrisk.decision.service.DecisionRecord;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Reason;
import io.salesrisk.ordercheck.OrderFacts;

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

    /** The view of a decision; with the fact snapshot and fired rules when {@code detailed}. */
    public static DecisionView of(DecisionRecord d, boolean detailed) {
        CreditExposure exposure = d.facts().exposure();
        return new DecisionView(d.id(), d.orderId(), d.customerId(), d.outcome(), d.conditions(), d.reasons(), exposure,
                exposure.getCreditLimit(), exposure.getAvailableCredit(), d.rulesetVersion(), d.evaluatedAt(),
                d.evaluatedBy(), detailed ? d.facts() : null, detailed ? d.firedRules() : null);
    }
}
