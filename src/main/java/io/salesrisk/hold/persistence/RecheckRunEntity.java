package io.salesrisk.hold.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A background recheck of open holds ("evaluate for release") and its progress. */
@Entity
@Table(name = "hold_recheck_runs")
public class RecheckRunEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    /** RUNNING, COMPLETED, FAILED */
    public String status;
    @Column(name = "run_trigger")
    public String trigger;
    @Column(name = "requested_by")
    public String requestedBy;
    /** the filter as JSON, for people */
    public String filter;
    public int total;
    public int checked;
    public int cleared;
    public int released;
    @Column(name = "still_held")
    public int stillHeld;
    public int failed;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    public String failure;
}
