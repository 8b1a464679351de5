package io.salesrisk.reevaluation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.salesrisk.reevaluation.run.ChunkStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A chunk of a run: an id range claimed by one worker at a time. {@code claimedBy} and {@code attempts} together are
 * the claim's token; the chunk becomes DONE in the same transaction as its customers' results.
 */
@Entity
@Table(name = "reevaluation_chunks")
@IdClass(ChunkEntity.Key.class)
public class ChunkEntity extends PanacheEntityBase {

    /** Run and chunk number. */
    public record Key(UUID runId, int chunkNo) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "run_id")
    public UUID runId;
    @Id
    @Column(name = "chunk_no")
    public int chunkNo;
    @Column(name = "first_id")
    public String firstId;
    @Column(name = "last_id")
    public String lastId;
    public int size;
    @Enumerated(EnumType.STRING)
    public ChunkStatus status;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;
    public int attempts;
    @Column(name = "done_count")
    public int doneCount;
    @Column(name = "failed_count")
    public int failedCount;
    @JdbcTypeCode(SqlTypes.JSON)
    public String stats;
    public String error;
    /** When a Spark task staged the chunk's results (runs assessed by Spark only). */
    @Column(name = "staged_at")
    public OffsetDateTime stagedAt;
}
