package io.salesrisk.contingency.service;

import io.quarkus.logging.Log;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.catalog.PlanAction;
import io.salesrisk.contingency.catalog.RiskLevel;
import io.salesrisk.contingency.persistence.PlanActivation;
import io.salesrisk.contingency.persistence.PlanRepository;
import io.salesrisk.facts.ProfileFinding;
import io.salesrisk.facts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns risks raised by triggers into plan activations: the register names the plan and its level, the plan store
 * activates it once per scope, and a NOTIFY action alerts its owners when the plan is newly active.
 */
@ApplicationScoped
public class PlanActivator {

    /** A risk a trigger raised for a scope. */
    public record RaisedRisk(String riskType, String scope, ProfileFinding finding) {
    }

    private final PlanRepository plans;
    private final AlertService alerts;

    public PlanActivator(PlanRepository plans, AlertService alerts) {
        this.plans = plans;
        this.alerts = alerts;
    }

    /** Activates (or confirms) the plans in the caller's transaction; returns the ones newly activated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlanActivation> activate(ContingencyCatalog catalog, List<RaisedRisk> raised, UUID runId, OffsetDateTime now) {
        List<PlanActivation> fresh = plans.activateAll(activations(catalog, raised, runId), now);
        alerts.raise(notifications(fresh, runId), now);
        return fresh;
    }

    /**
     * The plans the raised risks ask for, once per plan and scope, as the register and the plans of the catalog name
     * them; nothing is stored (a drill reports these without activating them).
     */
    public static List<PlanActivation> activations(ContingencyCatalog catalog, List<RaisedRisk> raised, UUID runId) {
        Map<String, PlanActivation> activations = new LinkedHashMap<>();
        for (RaisedRisk risk : raised) {
            ContingencyCatalog.RegisteredRisk registered = catalog.risk(risk.riskType()).orElse(null);
            ContingencyCatalog.Plan plan = registered == null ? null : catalog.plan(registered.planCode()).orElse(null);
            if (plan == null) {
                // the rule-set check refuses such versions; a DRL built by string concatenation could still slip through
                Log.warnf("risk %s raised by %s is not in the register of this rule set; no plan activated",
                        risk.riskType(), risk.finding().rule());
                continue;
            }
            Map<String, Object> values = risk.finding().values();
            PlanActivation activation = new PlanActivation(registered, plan, risk.scope(), risk.finding().rule(),
                    risk.finding().message(), values, runId);
            activations.putIfAbsent(activation.activeKey(), activation);
        }
        return new ArrayList<>(activations.values());
    }

    /** The alerts that tell the owners of the plans' NOTIFY actions that the plans were newly activated. */
    public static List<NewAlert> notifications(List<PlanActivation> fresh, UUID runId) {
        List<NewAlert> notifications = new ArrayList<>();
        for (PlanActivation activation : fresh) {
            for (PlanAction action : activation.actions()) {
                if (action.type() != PlanAction.Type.NOTIFY) {
                    continue;
                }
                for (String owner : action.owners()) {
                    notifications.add(new NewAlert("PLAN_ACTIVATED", "PLAN", activation.activeKey(), owner,
                            severity(activation.risk().level()), "contingency plan " + activation.plan().code()
                            + " activated for " + activation.scope() + " (" + activation.risk().riskType() + ", level "
                            + activation.risk().level() + "): " + activation.message(), activation.values(), runId));
                }
            }
        }
        return notifications;
    }

    /** The severity of the alert that tells a plan's owners it was activated. */
    public static Severity severity(RiskLevel level) {
        return switch (level) {
            case CRITICAL, HIGH -> Severity.HIGH;
            case MEDIUM -> Severity.MEDIUM;
            case LOW -> Severity.LOW;
        };
    }
}
