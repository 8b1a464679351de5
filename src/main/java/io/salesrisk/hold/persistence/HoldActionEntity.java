package io.salesrisk.hold.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One action on a hold (released, rejected, forwarded, …) with who, when and why: the audit trail. */
@Entity
@Table(name = "hold_actions")
public class HoldActionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "hold_id")
    public UUID holdId;
    @Column(name = "order_id")
    public String orderId;
    public String action;
    public String actor;
    @Column(name = "acted_at")
    public OffsetDateTime actedAt;
    @Column(name = "reason_code")
    public String reasonCode;
    public String comment;
    /** what the action changed or found, for people: "authority: Level1UpTo50k (release-authority.xlsx, Authority!B10)" */
    public String details;
}
