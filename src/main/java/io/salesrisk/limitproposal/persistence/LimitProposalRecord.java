package io.salesrisk.limitproposal.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A limit increase too large to apply automatically, waiting for a risk officer.
 *
 * @param status  PENDING, APPROVED, REJECTED or SUPERSEDED (a later assessment no longer proposes it)
 * @param reasons why the limit was computed this way, as stored
 */
public record LimitProposalRecord(UUID id, String customerId, UUID runId, BigDecimal currentLimit,
                                  BigDecimal proposedLimit, BigDecimal increasePercent, String status, Object reasons,
                                  OffsetDateTime createdAt, String decidedBy, OffsetDateTime decidedAt) {
}
