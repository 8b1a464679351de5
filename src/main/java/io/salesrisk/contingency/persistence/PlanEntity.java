package io.salesrisk.contingency.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A contingency plan activation; {@code activeKey} (plan and scope) is set while it is active. */
@Entity
@Table(name = "contingency_plans")
public class PlanEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_code")
    public String planCode;
    @Column(name = "risk_type")
    public String riskType;
    @Column(name = "risk_level")
    public String riskLevel;
    public String scope;
    @Column(name = "active_key")
    public String activeKey;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    public String rule;
    public String message;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trigger_values")
    public String triggerValues;
    @JdbcTypeCode(SqlTypes.JSON)
    public String actions;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "end_reason")
    public String endReason;
}
