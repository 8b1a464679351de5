package io.salesrisk.drill.rest;

import io.salesrisk.common.json.JsonText;
import io.salesrisk.drill.persistence.DrillRecord;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A drill as the API shows it.
 *
 * @param report null in lists
 */
public record DrillView(UUID id, String scenario, Object parameters, String description, String rulesetVersion,
                        boolean activeVersion, LocalDate asOf, String requestedBy, OffsetDateTime createdAt, long millis,
                        int customers, int changed, int plansActivated, int plansAdded, int ordersHeld,
                        Object report) {

    static DrillView of(DrillRecord d, JsonText json) {
        return new DrillView(d.id(), d.scenario(), json.tree(d.parametersJson()), d.description(), d.rulesetVersion(),
                d.activeVersion(), d.asOf(), d.requestedBy(), d.createdAt(), d.millis(), d.customers(), d.changed(),
                d.plansActivated(), d.plansAdded(), d.ordersHeld(), d.reportJson() == null ? null : json.tree(d.reportJson()));
    }
}
