package io.salesrisk.ruleset.persistence;

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

/** A stored rule-set version; JSON columns hold the compile messages and scenario results as JSON text. */
@Entity
@Table(name = "rule_sets")
public class RuleSetEntity extends PanacheEntityBase {

    @Id
    public String version;
    @Column(name = "content_hash")
    public String contentHash;
    @Enumerated(EnumType.STRING)
    public RuleSetStatus status;
    @Enumerated(EnumType.STRING)
    public RuleSetOrigin origin;
    public String author;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "rule_count")
    public int ruleCount;
    @JdbcTypeCode(SqlTypes.JSON)
    public String messages;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scenario_results")
    public String scenarioResults;
    @Column(name = "scenarios_passed")
    public boolean scenariosPassed;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;
    public String note;
}
