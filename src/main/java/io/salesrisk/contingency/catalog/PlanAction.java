package io.salesrisk.contingency.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * One action of a contingency plan.
 *
 * @param type        what it does
 * @param riskClasses the risk classes it applies to; empty means every class
 * @param percent     for CUT_LIMIT: how much of the limit is cut, in %; else null
 * @param owners      for NOTIFY: the owners alerted; else empty
 */
public record PlanAction(Type type, List<String> riskClasses, BigDecimal percent, List<String> owners) {

    public enum Type {
        /** Orders are checked against the limit cut by {@code percent}. */
        CUT_LIMIT,
        /** Orders are approved only against prepayment. */
        REQUIRE_PREPAYMENT,
        /** The owners get an alert when the plan is activated. */
        NOTIFY
    }

    public PlanAction {
        riskClasses = List.copyOf(riskClasses);
        owners = List.copyOf(owners);
    }

    /** Whether this action applies to a customer of the given class. */
    public boolean appliesToClass(String riskClass) {
        return riskClasses.isEmpty() || riskClasses.contains(riskClass);
    }
}
