package io.salesrisk.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An alert row; {@code openKey} (type, subject, owner) is set while the alert is not closed. */
@Entity
@Table(name = "alerts")
public class AlertEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "alert_type")
    public String type;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public String subjectId;
    public String owner;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "open_key")
    public String openKey;
    public String severity;
    @Enumerated(EnumType.STRING)
    public AlertStatus status;
    public String message;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "alert_values")
    public String values;
    @Column(name = "first_seen")
    public OffsetDateTime firstSeen;
    @Column(name = "last_seen")
    public OffsetDateTime lastSeen;
    public int occurrences;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "close_note")
    public String closeNote;
}
