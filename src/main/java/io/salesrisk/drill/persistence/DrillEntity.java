package io.salesrisk.drill.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A drill that ran: its scenario, the version it drilled, headline figures and the report (JSON). */
@Entity
@Table(name = "drills")
public class DrillEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String scenario;
    @JdbcTypeCode(SqlTypes.JSON)
    public String parameters;
    public String description;
    @Column(name = "ruleset_version")
    public String rulesetVersion;
    @Column(name = "active_version")
    public boolean activeVersion;
    @Column(name = "as_of")
    public LocalDate asOf;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    public long millis;
    public int customers;
    public int changed;
    @Column(name = "plans_activated")
    public int plansActivated;
    @Column(name = "plans_added")
    public int plansAdded;
    @Column(name = "orders_held")
    public int ordersHeld;
    @JdbcTypeCode(SqlTypes.JSON)
    public String report;
}
