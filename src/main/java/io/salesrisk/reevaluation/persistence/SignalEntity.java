package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An anomaly a run found for a customer, with the values it saw. */
@Entity
@Table(name = "risk_signals")
public class SignalEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "signal_type")
    public String type;
    public String severity;
    public String rule;
    public String message;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "signal_values")
    public String values;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
