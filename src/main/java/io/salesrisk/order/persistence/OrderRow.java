package io.salesrisk.order.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A sales order as one evaluation, a CSV import or the demo generator writes it. {@code amount} is in the base
 * currency, {@code originalAmount} in {@code currency}.
 *
 * @param lastDecisionId the decision that set the status, or null for imported orders
 * @param enteredBy      who entered it (the user of its first evaluation, or the importer); kept on updates
 */
public record OrderRow(String id, String customerId, BigDecimal amount, String currency, BigDecimal originalAmount,
                       LocalDate orderDate, int paymentTermsDays, BigDecimal discountPercent, boolean contractSigned,
                       String salesRep, LocalDate requestedDeliveryDate, OrderStatus status, UUID lastDecisionId,
                       OffsetDateTime updatedAt, String enteredBy) {
}
