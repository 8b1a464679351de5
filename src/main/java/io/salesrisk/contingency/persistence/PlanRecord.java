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

    /** Whether the plan covers a customer: the whole portfolio, its segment or industry, or the customer itself. */
    public boolean covers(String customerId, String segment, String industry) {
        if (scope.equals("PORTFOLIO")) {
            return true;
        }
        int colon = scope.indexOf(':');
        String kind = scope.substring(0, colon);
        String value = scope.substring(colon + 1);
        return switch (kind) {
            case "SEGMENT" -> value.equals(segment);
            case "INDUSTRY" -> value.equals(industry);
            case "CUSTOMER" -> value.equals(customerId);
            default -> false;
        };
    }
}
