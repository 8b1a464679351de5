package io.salesrisk.evaluation.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The release that lets a released order be evaluated again within the release tolerance (implemented by the
 * held-order feature, which evaluation must not depend on).
 */
public interface ReleaseLookup {

    /** The order's last release that is still valid today, if any. */
    Optional<Release> validRelease(String orderId, LocalDate today);

    /**
     * @param amount     the order amount (base currency) when it was released
     * @param validUntil the last day the release holds, or null for no limit
     */
    record Release(BigDecimal amount, OffsetDateTime releasedAt, String releasedBy, LocalDate validUntil) {
    }
}
