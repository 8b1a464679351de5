package io.salesrisk.decision.service;

import io.salesrisk.decision.persistence.DecisionEntity;
import io.salesrisk.decision.rest.DecisionView;
import io.salesrisk.evaluation.service.OrderFacts;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds API views of stored decisions. */
@ApplicationScoped
public class DecisionViews {

    private final DecisionJson json;

    public DecisionViews(DecisionJson json) {
        this.json = json;
    }

    /** The view of a stored decision; with the fact snapshot and fired rules when {@code detailed}. */
    public DecisionView of(DecisionEntity d, boolean detailed) {
        OrderFacts facts = json.facts(d.facts);
        return new DecisionView(d.id, d.orderId, d.customerId, d.outcome, json.strings(d.conditions), json.reasons(d.reasons),
                facts.exposure(), facts.exposure().getCreditLimit(), facts.exposure().getAvailableCredit(),
                d.rulesetVersion, d.evaluatedAt, d.evaluatedBy, detailed ? facts : null,
                detailed ? json.strings(d.firedRules) : null);
    }
}
