package io.salesrisk.hold.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One time an order was held, from the decision that held it to the action that ended it. Opened and updated by
 * the evaluations (group commit, {@link HoldWriter}); acted on by officers through this entity, row-locked.
 */
@Entity
@Table(name = "holds")
public class HoldEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public String orderId;
    /** the order id while open, null after: at most one open hold per order */
    @Column(name = "open_order_id")
    public String openOrderId;
    @Column(name = "is_open")
    public boolean isOpen;
    @Enumerated(EnumType.STRING)
    public HoldStatus status;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "customer_name")
    public String customerName;
    public String segment;
    public String region;
    @Column(name = "risk_class")
    public String riskClass;
    @Column(name = "sales_rep")
    public String salesRep;
    @Column(name = "decision_id")
    public UUID decisionId;
    public String outcome;
    /** '|RuleA|RuleB|' */
    @Column(name = "holding_rules")
    public String holdingRules;
    /** JSON, written only by the {@link HoldWriter} (a json column) */
    @Column(insertable = false, updatable = false)
    public String reasons;
    public BigDecimal amount;
    public BigDecimal exposure;
    @Column(name = "credit_limit")
    public BigDecimal creditLimit;
    @Column(name = "amount_over_limit")
    public BigDecimal amountOverLimit;
    public boolean rehold;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "assigned_to")
    public String assignedTo;
    @Column(name = "follow_up_date")
    public LocalDate followUpDate;
    @Column(name = "ready_to_release")
    public boolean readyToRelease;
    @Column(name = "ready_note")
    public String readyNote;
    @Column(name = "first_approver")
    public String firstApprover;
    @Column(name = "first_approved_at")
    public OffsetDateTime firstApprovedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "resolution_code")
    public String resolutionCode;
    @Column(name = "release_conditions")
    public String releaseConditions;
    @Column(name = "release_valid_until")
    public LocalDate releaseValidUntil;
    @Column(name = "expiry_handled")
    public boolean expiryHandled;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Ends the hold: it leaves the worklist. */
    public void close(HoldStatus end, String by, String code, OffsetDateTime at) {
        status = end;
        isOpen = false;
        openOrderId = null;
        closedBy = by;
        closedAt = at;
        resolutionCode = code;
        updatedAt = at;
    }
}
