package io.salesrisk.hold.persistence;

import java.time.LocalDate;

/**
 * Which open holds a worklist shows; null fields do not filter.
 *
 * @param followUpDue only holds whose follow-up date is today or earlier
 * @param today       the day "due" and the age bands are measured from
 */
public record WorklistFilter(String customerId, String outcome, String status, String segment, String region, String riskClass,
                             String salesRep, String holdingRule, String assignedTo, Boolean followUpDue,
                             Boolean readyToRelease, LocalDate today) {
}
