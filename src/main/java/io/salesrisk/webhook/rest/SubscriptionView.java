package io.salesrisk.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.salesrisk.webhook.persistence.Subscription;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it; {@code secret} only in the answer to its creation.
 *
 * @param failingSince when the current run of failed deliveries began, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String url, List<String> eventTypes, String minSeverity, String description,
                               boolean enabled, String disabledReason, OffsetDateTime disabledAt,
                               OffsetDateTime failingSince, String createdBy, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt, String secret) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.minSeverity().name(), s.description(), s.enabled(),
                s.disabledReason(), s.disabledAt(), s.failingSince(), s.createdBy(), s.createdAt(), s.updatedAt(), null);
    }

    static SubscriptionView created(Subscription s) {
        SubscriptionView v = of(s);
        return new SubscriptionView(v.id, v.url, v.eventTypes, v.minSeverity, v.description, v.enabled, v.disabledReason,
                v.disabledAt, v.failingSince, v.createdBy, v.createdAt, v.updatedAt, s.secret());
    }
}
