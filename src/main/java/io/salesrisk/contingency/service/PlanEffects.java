package io.salesrisk.contingency.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * What active contingency plans mean for one customer's orders.
 *
 * @param plans              codes of the active plans that cover the customer
 * @param limitCutPercent    the largest limit cut among them for the customer's class, in % (0 for none)
 * @param prepaymentRequired whether one of them requires prepayment for the customer's class
 */
public record PlanEffects(List<String> plans, BigDecimal limitCutPercent, boolean prepaymentRequired) {

    public static final PlanEffects NONE = new PlanEffects(List.of(), BigDecimal.ZERO, false);

    public PlanEffects {
        plans = List.copyOf(plans);
    }
}
