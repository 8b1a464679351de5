package io.salesrisk.hold.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What an action did to a hold.
 *
 * @param status  the hold's status after the action (OPEN, PENDING_APPROVAL, RELEASED, …)
 * @param message for people: what happened and, for a release, the authority row that allowed it
 */
public record HoldActionResult(String orderId, String holdId, String action, String status, String orderStatus,
                               String actor, OffsetDateTime at, String message, String authorityRow,
                               String assignedTo, LocalDate followUpDate, LocalDate validUntil) {
}
