package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A customer a run could not assess, and why. */
@Entity
@Table(name = "reevaluation_failures")
@IdClass(FailureEntity.Key.class)
public class FailureEntity extends PanacheEntityBase {

    /** Run and customer. */
    public record Key(UUID runId, String customerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "run_id")
    public UUID runId;
    @Id
    @Column(name = "customer_id")
    public String customerId;
    public String reason;
}
