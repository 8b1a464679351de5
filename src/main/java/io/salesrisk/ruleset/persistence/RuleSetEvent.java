package io.salesrisk.ruleset.persistence;

import java.time.OffsetDateTime;

/**
 * One entry of a version's audit trail.
 *
 * @param action          REGISTERED, REJECTED, APPROVED, ACTIVATED or RETIRED
 * @param previousVersion for ACTIVATED: the version it replaced
 */
public record RuleSetEvent(String version, String action, String actor, OffsetDateTime occurredAt, String previousVersion,
                           String detail) {
}
