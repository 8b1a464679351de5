package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.UUID;

/** One customer of a run over a list of ids; the profile query keeps the chunk to these. */
@Entity
@Table(name = "reevaluation_scope_ids")
@IdClass(RunCustomerKey.class)
public class ScopeIdEntity extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public UUID runId;
    @Id
    @Column(name = "customer_id")
    public String customerId;
}
