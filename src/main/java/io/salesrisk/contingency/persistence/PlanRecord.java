package io.salesrisk.contingency.persistence;

import io.salesrisk.contingency.catalog.PlanAction;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A contingency plan activation.
 *
 * @param scope         PORTFOLIO, SEGMENT:&lt;name&gt;, INDUSTRY:&lt;name&gt; or CUSTOMER:&lt;id&gt;
 * @param status        ACTIVE or ENDED
 * @param triggerValues the figures the trigger saw, as stored
 * @param confirmedAt   the last time a run found the trigger condition still true
 */
public record PlanRecord(UUID id, String planCode, String riskType, String riskLevel, String scope, String status,
                         String rule, String message, Object triggerValues, List<PlanAction> actions, UUID runId,
                         OffsetDateTime activatedAt, OffsetDateTime confirmedAt, OffsetDateTime endedAt,
                         String endedBy, String endReason) {
}
