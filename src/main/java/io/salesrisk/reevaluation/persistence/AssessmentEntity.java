package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a run changed for a customer, with the reasons (customers whose values stay the same get no row). */
@Entity
@Table(name = "customer_assessments")
@IdClass(RunCustomerKey.class)
public class AssessmentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public UUID runId;
    @Id
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "assessed_at")
    public OffsetDateTime assessedAt;
    @Column(name = "score_before")
    public Integer scoreBefore;
    public int score;
    @Column(name = "class_before")
    public String classBefore;
    @Column(name = "class_after")
    public String classAfter;
    @Column(name = "limit_before")
    public BigDecimal limitBefore;
    @Column(name = "limit_after")
    public BigDecimal limitAfter;
    @Column(name = "limit_proposed")
    public BigDecimal limitProposed;
    @Column(name = "terms_before")
    public int termsBefore;
    @Column(name = "terms_after")
    public int termsAfter;
    @Column(name = "prepayment_before")
    public boolean prepaymentBefore;
    public boolean prepayment;
    @JdbcTypeCode(SqlTypes.JSON)
    public String reasons;
}
