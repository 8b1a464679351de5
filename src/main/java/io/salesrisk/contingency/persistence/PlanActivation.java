package io.salesrisk.contingency.persistence;

import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.catalog.PlanAction;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plan a trigger asks for, for one scope, with what the trigger saw. */
public record PlanActivation(ContingencyCatalog.RegisteredRisk risk, ContingencyCatalog.Plan plan, String scope,
                             String rule, String message, Map<String, Object> values, UUID runId) {

    /** The key that stays set while the plan is active for this scope. */
    public String activeKey() {
        return plan.code() + "|" + scope;
    }

    public List<PlanAction> actions() {
        return plan.actions();
    }
}
