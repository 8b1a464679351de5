package io.salesrisk.outbox;

import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The one owner of {@code outbox_events}: appended in the transaction that changes an alert (the transactional
 * outbox), read in {@code seq} order by the live stream and the webhook fan-out. Rows are never updated.
 */
@ApplicationScoped
public class OutboxRepository {

    private final Jdbc jdbc;

    public OutboxRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the events in the caller's transaction: they exist exactly when the change that made them commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<NewOutboxEvent> events, OffsetDateTime now) {
        if (events.isEmpty()) {
            return;
        }
        String json = jdbc.dialect().jsonParameter();
        jdbc.write(sql -> sql.batch("INSERT INTO outbox_events (id, event_type, severity, audience, payload, created_at)"
                + " VALUES (?, ?, ?, ?, " + json + ", ?)", events, (s, e) ->
                s.set(e.id(), e.type(), e.severity(), e.audience().name(), e.payload(), now)));
    }

    /** Up to {@code limit} events after {@code seq}, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxEvent> after(long seq, int limit) {
        return jdbc.read(sql -> sql.list("SELECT seq, id, event_type, severity, audience, payload, created_at"
                + " FROM outbox_events WHERE seq > ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY",
                List.of(seq), OutboxRepository::event));
    }

    /** The highest sequence number written so far (0 when empty): where a new reader starts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long lastSeq() {
        return jdbc.read(sql -> sql.first("SELECT COALESCE(MAX(seq), 0) FROM outbox_events", List.of(),
                rows -> rows.getLong(1)).orElse(0L));
    }

    /** One event by its message id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<OutboxEvent> find(UUID id) {
        return jdbc.read(sql -> sql.first("SELECT seq, id, event_type, severity, audience, payload, created_at"
                + " FROM outbox_events WHERE id = ?", List.of(id), OutboxRepository::event));
    }

    private static OutboxEvent event(ResultSet rows) throws SQLException {
        return new OutboxEvent(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3), rows.getString(4),
                OutboxAudience.valueOf(rows.getString(5)), rows.getString(6), rows.getObject(7, OffsetDateTime.class));
    }
}
