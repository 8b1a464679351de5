package io.salesrisk.decision.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One evaluation of one order, immutable once written: the outcome, the reasons, the facts the engine saw and
 * the rules that fired, stamped with the rule-set version, so it can be explained and replayed.
 * JSON columns hold JSON text written by {@code DecisionJson}.
 */
@Entity
@Table(name = "decisions")
public class DecisionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "customer_id")
    public String customerId;
    public String outcome;
    @JdbcTypeCode(SqlTypes.JSON)
    public String conditions;
    @JdbcTypeCode(SqlTypes.JSON)
    public String reasons;
    @JdbcTypeCode(SqlTypes.JSON)
    public String facts;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fired_rules")
    public String firedRules;
    @Column(name = "ruleset_version")
    public String rulesetVersion;
    @Column(name = "evaluated_at")
    public OffsetDateTime evaluatedAt;
    @Column(name = "evaluated_by")
    public String evaluatedBy;
    @Column(name = "engine_micros")
    public long engineMicros;
}
