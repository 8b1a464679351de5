package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.UUID;

/** A customer a run could not assess, and why. */
@Entity
@Table(name = "reevaluation_failures")
@IdClass(RunCustomerKey.class)
public class FailureEntity extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public UUID runId;
    @Id
    @Column(name = "customer_id")
    public String customerId;
    public String reason;
}
