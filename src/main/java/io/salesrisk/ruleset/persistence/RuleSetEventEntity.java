package io.salesrisk.ruleset.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One entry of a version's audit trail. */
@Entity
@Table(name = "rule_set_events")
public class RuleSetEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String version;
    public String action;
    public String actor;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "previous_version")
    public String previousVersion;
    public String detail;
}
