package io.salesrisk.customer.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A customer row: master data and credit standing. Mapped to the rule fact {@code Customer}, never exposed. */
@Entity
@Table(name = "customers")
public class CustomerEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String segment;
    public String region;
    public String industry;
    @Column(name = "years_in_business")
    public int yearsInBusiness;
    @Column(name = "external_rating")
    public String externalRating;
    @Column(name = "risk_class")
    public String riskClass;
    @Column(name = "credit_limit")
    public BigDecimal creditLimit;
    @Column(name = "payment_terms_days")
    public int paymentTermsDays;
    /** Set by re-evaluation runs only; null until the first run. */
    @Column(name = "score", insertable = false, updatable = false)
    public Integer score;
    @Column(name = "prepayment_required", insertable = false, updatable = false)
    public boolean prepaymentRequired;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
