package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** One customer of a run over a list of ids; the profile query keeps the chunk to these. */
@Entity
@Table(name = "reevaluation_scope_ids")
@IdClass(ScopeIdEntity.Key.class)
public class ScopeIdEntity extends PanacheEntityBase {

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
}
