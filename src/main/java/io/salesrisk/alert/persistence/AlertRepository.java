package io.salesrisk.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one writer of the {@code alerts} table. Alerts raised by a re-evaluation chunk are written in two batched
 * statements within the chunk's transaction (a chunk can raise hundreds); everything else goes through Panache.
 */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<AlertEntity, UUID> {

    /** How many alerts a batch opened and how many it found open already. */
    public record RaiseCounts(int opened, int repeated) {
    }

    private final Jdbc jdbc;
    private final JsonText json;

    public AlertRepository(Jdbc jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Raises the alerts in the caller's transaction: updates the ones still open, opens the others. */
    public RaiseCounts raiseAll(List<NewAlert> alerts, OffsetDateTime now) {
        if (alerts.isEmpty()) {
            return new RaiseCounts(0, 0);
        }
        String jsonParameter = jdbc.dialect().jsonParameter();
        return jdbc.write(sql -> {
            int[] updated = sql.batch("UPDATE alerts SET last_seen = ?, occurrences = occurrences + 1, severity = ?, "
                    + "message = ?, alert_values = " + jsonParameter + ", run_id = ? WHERE open_key = ?", alerts, (s, a) ->
                    s.set(now, a.severity(), ColumnText.message(a.message()), json.write(a.values()), a.runId(), a.openKey()));
            List<NewAlert> fresh = new ArrayList<>();
            for (int i = 0; i < alerts.size(); i++) {
                if (updated[i] == 0) {
                    fresh.add(alerts.get(i));
                }
            }
            sql.batch("INSERT INTO alerts (id, alert_type, subject_type, subject_id, owner, run_id, open_key, severity, status, "
                    + "message, alert_values, first_seen, last_seen, occurrences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + jsonParameter + ", ?, ?, 1)", fresh, (s, a) -> s.set(Ids.timeOrdered(), a.type(), a.subjectType(),
                    a.subjectId(), a.owner(), a.runId(), a.openKey(), a.severity(), AlertStatus.OPEN,
                    ColumnText.message(a.message()), json.write(a.values()), now, now));
            return new RaiseCounts(fresh.size(), alerts.size() - fresh.size());
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
