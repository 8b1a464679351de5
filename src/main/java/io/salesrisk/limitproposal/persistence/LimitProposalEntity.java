package io.salesrisk.limitproposal.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A limit increase waiting for (or decided by) a risk officer; {@code openKey} is the customer id while pending. */
@Entity
@Table(name = "limit_proposals")
public class LimitProposalEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "current_limit")
    public BigDecimal currentLimit;
    @Column(name = "proposed_limit")
    public BigDecimal proposedLimit;
    @Enumerated(EnumType.STRING)
    public ProposalStatus status;
    @Column(name = "open_key")
    public String openKey;
    @JdbcTypeCode(SqlTypes.JSON)
    public String reasons;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
