package io.salesrisk.ruleset.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The one row (id 1) that names the version every instance runs; locking it serialises activations. */
@Entity
@Table(name = "rule_set_state")
public class RuleSetStateEntity extends PanacheEntityBase {

    static final int ID = 1;

    @Id
    public Integer id;
    @Column(name = "active_version")
    public String activeVersion;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    @Column(name = "changed_by")
    public String changedBy;
}
