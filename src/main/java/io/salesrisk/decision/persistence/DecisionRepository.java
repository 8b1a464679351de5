package io.salesrisk.decision.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Decisions by id and by order (Panache), and the stream of stored fact snapshots a simulation replays: read with a
 * server-side cursor in chunks, without entities, because a replay reads up to a year of decisions (44,000
 * decisions/s in the simulation benchmark). Rows are inserted only by the {@link DecisionWriter}.
 */
@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<DecisionEntity, UUID> {

    /** What a replay needs of one stored decision; JSON columns as stored. */
    public record StoredSnapshot(UUID id, String orderId, String customerId, OffsetDateTime evaluatedAt, String outcome,
                                 String rulesetVersion, String conditions, String reasons, String facts) {
    }

    private final Jdbc jdbc;

    public DecisionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Decisions by outcome taken from {@code since} on (the dashboard's tiles; the evaluated_at index serves it). */
    public java.util.Map<String, Long> outcomesSince(OffsetDateTime since) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        getEntityManager().createQuery("select d.outcome, count(d) from DecisionEntity d where d.evaluatedAt >= :since"
                        + " group by d.outcome", Object[].class).setParameter("since", since).getResultList()
                .forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return counts;
    }

    /** Every decision on an order, newest first. */
    public List<DecisionEntity> forOrder(String orderId) {
        return list("orderId = ?1 order by evaluatedAt desc, id desc", orderId);
    }

    /**
     * Passes the decisions taken from {@code start} (inclusive) to {@code end} (exclusive), oldest first, to the
     * consumer in chunks of {@code chunkSize}. One read-only transaction, as PostgreSQL streams rows only in one.
     */
    @Transactional
    @TransactionConfiguration(timeout = 6 * 3600)
    public void forEachChunk(OffsetDateTime start, OffsetDateTime end, int chunkSize, Consumer<List<StoredSnapshot>> consumer) {
        jdbc.read(sql -> {
            List<List<StoredSnapshot>> current = new ArrayList<>(List.of(new ArrayList<>(chunkSize)));
            sql.forEach("""
                    SELECT id, order_id, customer_id, evaluated_at, outcome, ruleset_version, conditions, reasons, facts
                    FROM decisions WHERE evaluated_at >= ? AND evaluated_at < ? ORDER BY evaluated_at, id""",
                    List.of(start, end), chunkSize, row -> {
                        List<StoredSnapshot> chunk = current.get(0);
                        chunk.add(new StoredSnapshot(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                                row.getObject(4, OffsetDateTime.class), row.getString(5), row.getString(6),
                                row.getString(7), row.getString(8), row.getString(9)));
                        if (chunk.size() == chunkSize) {
                            consumer.accept(chunk);
                            current.set(0, new ArrayList<>(chunkSize));
                        }
                    });
            if (!current.get(0).isEmpty()) {
                consumer.accept(current.get(0));
            }
            return null;
        });
    }
}
