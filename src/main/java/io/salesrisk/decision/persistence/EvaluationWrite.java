package io.salesrisk.decision.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The rows one evaluation stores: the order (inserted, or updated when it was evaluated before) and the decision.
 * JSON columns are JSON text.
 */
public record EvaluationWrite(OrderRow order, DecisionRow decision) {

    /** The order as evaluated; {@code existed} tells whether the row was there when the evaluation read. */
    public record OrderRow(String id, String customerId, BigDecimal amount, String currency, BigDecimal originalAmount,
                           LocalDate orderDate, int paymentTermsDays, BigDecimal discountPercent, boolean contractSigned,
                           String salesRep, LocalDate requestedDeliveryDate, String status, UUID lastDecisionId,
                           OffsetDateTime updatedAt, boolean existed) {
    }

    /** The decision with its fact snapshot. */
    public record DecisionRow(UUID id, String orderId, String customerId, String outcome, String conditionsJson,
                              String reasonsJson, String factsJson, String firedRulesJson, String rulesetVersion,
                              OffsetDateTime evaluatedAt, String evaluatedBy, long engineMicros) {
    }
}
