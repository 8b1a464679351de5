package io.salesrisk.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.facts.Severity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one writer of the {@code alerts} table. Alerts raised by a re-evaluation chunk are written in a few batched
 * statements within the chunk's transaction (a chunk can raise hundreds); everything else goes through Panache.
 */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<AlertEntity, UUID> {

    /** How many alerts a batch opened and how many it found open already. */
    public record RaiseCounts(int opened, int repeated) {
    }

    /**
     * What raising a batch changed: the alerts it opened, and the open ones it repeated with a higher severity than
     * before (escalated); repeats at the same or a lower severity are only counted.
     */
    public record Raised(List<AlertRecord> opened, List<AlertRecord> escalated, int repeated) {
        public RaiseCounts counts() {
            return new RaiseCounts(opened.size(), repeated);
        }
    }

    private record OpenAlert(UUID id, String openKey, String severity, OffsetDateTime firstSeen, int occurrences,
                             String status) {
    }

    private final Jdbc jdbc;
    private final JsonText json;

    public AlertRepository(Jdbc jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Raises the alerts in the caller's transaction: updates the ones still open, opens the others. */
    public Raised raiseAll(List<NewAlert> alerts, OffsetDateTime now) {
        if (alerts.isEmpty()) {
            return new Raised(List.of(), List.of(), 0);
        }
        String jsonParameter = jdbc.dialect().jsonParameter();
        return jdbc.write(sql -> {
            // one read tells repeats from new alerts and gives what an event about a repeat needs
            Map<String, OpenAlert> open = new HashMap<>();
            sql.selectIn("SELECT id, open_key, severity, first_seen, occurrences, status FROM alerts WHERE open_key IN",
                    alerts.stream().map(NewAlert::openKey).toList(), rows -> new OpenAlert(rows.getObject(1, UUID.class),
                            rows.getString(2), rows.getString(3), rows.getObject(4, OffsetDateTime.class), rows.getInt(5),
                            rows.getString(6))).forEach(a -> open.put(a.openKey(), a));
            List<NewAlert> repeats = new ArrayList<>();
            List<NewAlert> fresh = new ArrayList<>();
            Map<String, NewAlert> firstByKey = new HashMap<>();
            for (NewAlert alert : alerts) {
                if (open.containsKey(alert.openKey())) {
                    repeats.add(alert);
                } else if (firstByKey.putIfAbsent(alert.openKey(), alert) == null) {
                    fresh.add(alert);
                } else {
                    repeats.add(alert);   // raised twice in one batch: the second one repeats the first
                }
            }
            List<AlertRecord> opened = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            for (NewAlert alert : fresh) {
                UUID id = Ids.timeOrdered();
                ids.add(id);
                opened.add(new AlertRecord(id, alert.type(), alert.subjectType(), alert.subjectId(), alert.owner(),
                        alert.runId(), alert.severity().name(), AlertStatus.OPEN.name(), ColumnText.message(alert.message()),
                        alert.values(), now, now, 1, null, null, null));
            }
            int[] index = {0};
            sql.batch("INSERT INTO alerts (id, alert_type, subject_type, subject_id, owner, run_id, open_key, severity, status, "
                    + "message, alert_values, first_seen, last_seen, occurrences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + jsonParameter + ", ?, ?, 1)", fresh, (s, a) -> s.set(ids.get(index[0]++), a.type(), a.subjectType(),
                    a.subjectId(), a.owner(), a.runId(), a.openKey(), a.severity(), AlertStatus.OPEN,
                    ColumnText.message(a.message()), json.write(a.values()), now, now));
            sql.batch("UPDATE alerts SET last_seen = ?, occurrences = occurrences + 1, severity = ?, "
                    + "message = ?, alert_values = " + jsonParameter + ", run_id = ? WHERE open_key = ?", repeats, (s, a) ->
                    s.set(now, a.severity(), ColumnText.message(a.message()), json.write(a.values()), a.runId(), a.openKey()));
            List<AlertRecord> escalated = new ArrayList<>();
            for (NewAlert alert : repeats) {
                OpenAlert before = open.get(alert.openKey());
                // Severity is declared from HIGH down to INFO: a smaller ordinal is more severe
                if (before != null && alert.severity().ordinal() < Severity.valueOf(before.severity()).ordinal()) {
                    escalated.add(new AlertRecord(before.id(), alert.type(), alert.subjectType(), alert.subjectId(),
                            alert.owner(), alert.runId(), alert.severity().name(), before.status(),
                            ColumnText.message(alert.message()), alert.values(), before.firstSeen(), now,
                            before.occurrences() + 1, null, null, null));
                }
            }
            return new Raised(opened, escalated, repeats.size());
        });
    }

    /** Alerts not closed (open or acknowledged), by severity. */
    public java.util.Map<String, Long> notClosedBySeverity() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        getEntityManager().createQuery("select a.severity, count(a) from AlertEntity a where a.status <> :closed"
                        + " group by a.severity", Object[].class).setParameter("closed", AlertStatus.CLOSED).getResultList()
                .forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return counts;
    }

    /** The alert open under this key (type, subject, owner), if any. */
    public java.util.Optional<AlertEntity> findOpen(String openKey) {
        return find("openKey", openKey).firstResultOptional();
    }

    /** The alerts of a type not closed yet (e.g. every KPI alert, to close the ones that recovered). */
    public List<AlertEntity> notClosedOfType(String type) {
        return list("type = ?1 and status <> ?2", type, AlertStatus.CLOSED);
    }

    /** Alerts, newest first, optionally filtered by status, type and subject. */
    public List<AlertEntity> list(AlertStatus status, String type, String subjectId, int limit, int offset) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (type != null && !type.isBlank()) {
            query.append(" and type = :type");
            parameters.and("type", type);
        }
        if (subjectId != null && !subjectId.isBlank()) {
            query.append(" and subjectId = :subject");
            parameters.and("subject", subjectId);
        }
        return find(query.toString(), Sort.descending("lastSeen", "id"), parameters).range(offset, offset + limit - 1).list();
    }
}
