package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.salesrisk.reevaluation.run.RunExecutor;
import io.salesrisk.reevaluation.run.RunStatus;
import io.salesrisk.reevaluation.run.RunTrigger;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A re-evaluation run. {@code activeScope} is the scope key while the run is not finished (one run per scope at a
 * time); {@code scheduleKey} (nightly:&lt;day&gt;) keeps instances firing the same schedule from starting it twice.
 */
@Entity
@Table(name = "reevaluation_runs")
public class RunEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "scope_key")
    public String scopeKey;
    @Column(name = "active_scope")
    public String activeScope;
    @Column(name = "schedule_key")
    public String scheduleKey;
    @JdbcTypeCode(SqlTypes.JSON)
    public String scope;
    @Enumerated(EnumType.STRING)
    public RunStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger")
    public RunTrigger trigger;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "as_of")
    public LocalDate asOf;
    @Column(name = "ruleset_version")
    public String rulesetVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public String constants;
    @Enumerated(EnumType.STRING)
    public RunExecutor executor = RunExecutor.SERVICE;
    public int total;
    public int chunks;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "finishing_by")
    public String finishingBy;
    @Column(name = "finishing_at")
    public OffsetDateTime finishingAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public String summary;
}
