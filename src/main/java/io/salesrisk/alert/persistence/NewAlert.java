package io.salesrisk.alert.persistence;

import io.salesrisk.facts.Severity;

import java.util.Map;
import java.util.UUID;

/**
 * An alert to raise. While an alert with the same type, subject and owner is open, raising it again updates that
 * alert (last seen, occurrences, severity, message, values) instead of opening another.
 *
 * @param subjectType CUSTOMER, PLAN, SEGMENT, INDUSTRY or PORTFOLIO
 * @param owner       who should act, or null for the risk officers' queue
 */
public record NewAlert(String type, String subjectType, String subjectId, String owner, Severity severity,
                       String message, Map<String, Object> values, UUID runId) {

    /** The key that stays set while the alert is open. */
    public String openKey() {
        return type + "|" + subjectType + ":" + subjectId + (owner == null ? "" : "|" + owner);
    }
}
