package io.salesrisk.limitproposal.persistence;

import java.math.BigDecimal;
import java.util.UUID;

/** A proposal to store; replaces the customer's pending one, if any. {@code reasonsJson} is already JSON. */
public record NewLimitProposal(String customerId, UUID runId, BigDecimal currentLimit, BigDecimal proposedLimit,
                               String reasonsJson) {
}
