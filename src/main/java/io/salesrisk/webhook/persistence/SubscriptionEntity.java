package io.salesrisk.webhook.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A webhook subscription: where to send which alert events, and whether it is on. */
@Entity
@Table(name = "webhook_subscriptions")
public class SubscriptionEntity {

    @Id
    public UUID id;
    public String url;
    /** Comma-separated event types; empty = all. */
    @Column(name = "event_types")
    public String eventTypes;
    @Column(name = "min_severity")
    public String minSeverity;
    public String secret;
    public String description;
    public boolean enabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;
    @Column(name = "failing_since")
    public OffsetDateTime failingSince;
    @Column(name = "from_seq")
    public long fromSeq;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
