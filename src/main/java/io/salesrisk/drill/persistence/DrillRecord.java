package io.salesrisk.drill.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored drill.
 *
 * @param reportJson null in lists (the report is read for one drill only)
 */
public record DrillRecord(UUID id, String scenario, String parametersJson, String description, String rulesetVersion,
                          boolean activeVersion, LocalDate asOf, String requestedBy, OffsetDateTime createdAt, long millis,
                          int customers, int changed, int plansActivated, int plansAdded, int ordersHeld, String reportJson) {
}
