package io.salesrisk.webhook.persistence;

import io.salesrisk.common.Ids;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.outbox.OutboxAudience;
import io.salesrisk.outbox.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The one owner of {@code webhook_deliveries} and {@code webhook_cursor}: the fan-out cursor, the delivery queue
 * that several instances share (claimed with {@code FOR UPDATE SKIP LOCKED} and a lease), attempts and replays.
 * Set-based SQL: a burst of alerts makes a row per subscriber, claimed and recorded in batches.
 */
@ApplicationScoped
public class DeliveryRepository {

    private static final String COLUMNS = "id, subscription_id, event_id, event_seq, event_type, event_created_at, status,"
            + " attempts, next_attempt_at, claimed_by, last_status, last_error, last_attempt_at, delivered_at";

    private final Jdbc jdbc;

    public DeliveryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The fan-out cursor, locked until the caller's transaction ends: while one instance fans out, the others wait
     * here, then read where it stopped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long lockCursor() {
        return jdbc.write(sql -> sql.first("SELECT last_seq FROM webhook_cursor WHERE id = 1 FOR UPDATE", List.of(),
                rows -> rows.getLong(1)).orElseThrow(() -> new IllegalStateException("webhook_cursor has no row")));
    }

    /** Where the fan-out stands, without waiting for a lock. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long cursor() {
        return jdbc.read(sql -> sql.first("SELECT last_seq FROM webhook_cursor WHERE id = 1", List.of(),
                rows -> rows.getLong(1)).orElse(0L));
    }

    /** Inserts the deliveries and moves the cursor, in the transaction that locked it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fanOut(List<NewDelivery> deliveries, long cursor, OffsetDateTime now) {
        jdbc.write(sql -> {
            sql.batch("INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_seq, event_type, event_created_at,"
                            + " status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                    deliveries, (s, d) -> s.set(Ids.timeOrdered(), d.subscriptionId(), d.eventId(), d.eventSeq(),
                            d.eventType(), d.eventCreatedAt(), now, now));
            return sql.update("UPDATE webhook_cursor SET last_seq = ?, updated_at = ? WHERE id = 1", cursor, now);
        });
    }

    /** Remembers outbox seqs the fan-out read past while they were missing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void skipped(List<Long> seqs, OffsetDateTime now) {
        jdbc.write(sql -> sql.batch("INSERT INTO webhook_skipped_seqs (seq, skipped_at) VALUES (?, ?)", seqs,
                (s, seq) -> s.set(seq, now)));
    }

    /** Outbox events whose seq was read past while missing and that have committed since (late commits). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OutboxEvent> lateEvents() {
        return jdbc.write(sql -> sql.list("SELECT o.seq, o.id, o.event_type, o.severity, o.audience, o.payload, o.created_at"
                + " FROM outbox_events o JOIN webhook_skipped_seqs k ON k.seq = o.seq ORDER BY o.seq", List.of(),
                rows -> new OutboxEvent(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3), rows.getString(4),
                        OutboxAudience.valueOf(rows.getString(5)), rows.getString(6), rows.getObject(7, OffsetDateTime.class))));
    }

    /** Stops watching seqs: those that showed up, and those skipped before {@code before} (rolled back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetSkipped(List<Long> arrived, OffsetDateTime before) {
        jdbc.write(sql -> {
            sql.batch("DELETE FROM webhook_skipped_seqs WHERE seq = ?", arrived, (s, seq) -> s.set(seq));
            return sql.update("DELETE FROM webhook_skipped_seqs WHERE skipped_at < ?", before);
        });
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled subscriptions for {@code instance} until now + lease:
     * rows another instance is claiming at this moment are skipped, not waited for, and a claim whose lease ran out
     * (its instance died between claim and record) is due again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ClaimedDelivery> claim(String instance, int limit, Duration lease, OffsetDateTime now) {
        OffsetDateTime until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        return jdbc.write(sql -> {
            List<UUID> ids = sql.list("SELECT d.id FROM webhook_deliveries d WHERE d.status = 'PENDING'"
                    + " AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?)"
                    + " AND EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.id = d.subscription_id AND s.enabled = TRUE)"
                    + " ORDER BY d.next_attempt_at FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                    List.of(now, now), rows -> rows.getObject(1, UUID.class));
            if (ids.isEmpty()) {
                return List.<ClaimedDelivery>of();
            }
            String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
            List<Object> parameters = new ArrayList<>(List.of(instance, until));
            parameters.addAll(ids);
            sql.update("UPDATE webhook_deliveries SET claimed_by = ?, lease_until = ? WHERE id IN (" + marks + ")",
                    parameters.toArray());
            return sql.list("SELECT d.id, d.subscription_id, s.url, s.secret, d.event_id, d.event_type, d.event_created_at,"
                    + " o.payload, d.attempts FROM webhook_deliveries d"
                    + " JOIN webhook_subscriptions s ON s.id = d.subscription_id"
                    + " JOIN outbox_events o ON o.id = d.event_id WHERE d.id IN (" + marks + ") ORDER BY d.event_seq",
                    ids, rows -> new ClaimedDelivery(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getString(3), rows.getString(4), rows.getObject(5, UUID.class), rows.getString(6),
                            rows.getObject(7, OffsetDateTime.class), rows.getString(8), rows.getInt(9), instance, until));
        });
    }

    /**
     * Records the attempts of claims that are still this instance's (same claimer, same lease); returns those that
     * were recorded. A claim taken over after its lease ran out is left to its new holder.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AttemptResult> record(List<AttemptResult> results) {
        int[] counts = jdbc.write(sql -> sql.batch("UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1,"
                        + " next_attempt_at = COALESCE(?, next_attempt_at), lease_until = NULL, last_status = ?, last_error = ?,"
                        + " last_attempt_at = ?, delivered_at = ? WHERE id = ? AND claimed_by = ? AND lease_until = ?"
                        + " AND status = 'PENDING'", results, (s, r) -> {
                    s.set(r.status().name(), r.nextAttempt());
                    if (r.httpStatus() == null) {
                        s.set((Object) null);
                    } else {
                        s.set(r.httpStatus());
                    }
                    s.set(ColumnText.message(r.error()), r.attemptedAt(),
                            r.status() == DeliveryStatus.DELIVERED ? r.attemptedAt() : null,
                            r.delivery().id(), r.delivery().claimedBy(), r.delivery().leaseUntil());
                }));
        List<AttemptResult> recorded = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                recorded.add(results.get(i));
            }
        }
        return recorded;
    }

    /** Gives back the claims of an instance that restarted under the same name: its workers are gone. */
    @Transactional
    public int releaseClaimsOf(String instance) {
        return jdbc.write(sql -> sql.update("UPDATE webhook_deliveries SET lease_until = NULL WHERE claimed_by = ?"
                + " AND lease_until IS NOT NULL AND status = 'PENDING'", instance));
    }

    /** A subscription's deliveries, newest event first, optionally of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> list(UUID subscriptionId, DeliveryStatus status, int limit, int offset) {
        List<Object> parameters = new ArrayList<>(List.of(subscriptionId));
        String where = status == null ? "subscription_id = ?" : "subscription_id = ? AND status = ?";
        if (status != null) {
            parameters.add(status.name());
        }
        return jdbc.read(sql -> sql.list("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE " + where
                + " ORDER BY event_seq DESC OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY",
                parameters, DeliveryRepository::delivery));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Delivery> get(UUID subscriptionId, UUID deliveryId) {
        return jdbc.read(sql -> sql.first("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = ? AND subscription_id = ?",
                List.of(deliveryId, subscriptionId), DeliveryRepository::delivery));
    }

    /**
     * Makes deliveries due again now with a fresh retry schedule, keeping their event id (so a receiver that has
     * it already can drop the copy). Selects by one delivery, a status, or a window of event times; returns how
     * many. A delivery that is being attempted right now (claimed, lease running) is left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replay(UUID subscriptionId, UUID deliveryId, DeliveryStatus status, OffsetDateTime from,
                      OffsetDateTime to, OffsetDateTime now) {
        List<Object> parameters = new ArrayList<>(List.of(now, subscriptionId, now));
        StringBuilder where = new StringBuilder("subscription_id = ? AND (lease_until IS NULL OR lease_until < ?)");
        if (deliveryId != null) {
            where.append(" AND id = ?");
            parameters.add(deliveryId);
        }
        if (status != null) {
            where.append(" AND status = ?");
            parameters.add(status.name());
        }
        if (from != null) {
            where.append(" AND event_created_at >= ?");
            parameters.add(from);
        }
        if (to != null) {
            where.append(" AND event_created_at < ?");
            parameters.add(to);
        }
        return jdbc.write(sql -> sql.update("UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0,"
                + " next_attempt_at = ?, lease_until = NULL, delivered_at = NULL WHERE " + where, parameters.toArray()));
    }

    /** Deliveries waiting for an attempt, over all subscriptions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long pending() {
        return jdbc.read(sql -> sql.first("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'PENDING'", List.of(),
                rows -> rows.getLong(1)).orElse(0L));
    }

    private static Delivery delivery(ResultSet rows) throws SQLException {
        int status = rows.getInt(11);
        Integer lastStatus = rows.wasNull() ? null : status;
        return new Delivery(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getObject(3, UUID.class),
                rows.getLong(4), rows.getString(5), rows.getObject(6, OffsetDateTime.class),
                DeliveryStatus.valueOf(rows.getString(7)), rows.getInt(8), rows.getObject(9, OffsetDateTime.class),
                rows.getString(10), lastStatus, rows.getString(12),
                rows.getObject(13, OffsetDateTime.class), rows.getObject(14, OffsetDateTime.class));
    }
}
