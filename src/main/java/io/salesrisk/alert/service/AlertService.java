package io.salesrisk.alert.service;

import io.salesrisk.alert.persistence.AlertEntity;
import io.salesrisk.alert.persistence.AlertRecord;
import io.salesrisk.alert.persistence.AlertRepository;
import io.salesrisk.alert.persistence.AlertStatus;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts raised by risk signals, process KPIs and contingency plans: raising (de-duplicated while open), the queue,
 * its actions. Every change people must hear about is appended to the outbox in the same transaction
 * ({@link AlertEvents}), so a committed alert is never lost before it is delivered.
 */
@ApplicationScoped
public class AlertService {

    /** Who closed an alert that closed itself. */
    public static final String SYSTEM = "system";

    private final AlertRepository alerts;
    private final AlertEvents events;
    private final JsonText json;
    private final Clock clock;

    public AlertService(AlertRepository alerts, AlertEvents events, JsonText json, Clock clock) {
        this.alerts = alerts;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Raises alerts in the caller's transaction; new and escalated ones go to the outbox with them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AlertRepository.RaiseCounts raise(List<NewAlert> raised, OffsetDateTime now) {
        AlertRepository.Raised result = alerts.raiseAll(raised, now);
        events.opened(result.opened(), now);
        events.escalated(result.escalated(), now);
        return result.counts();
    }

    @Transactional
    public List<AlertRecord> list(AlertStatus status, String type, String subjectId, int limit, int offset) {
        return alerts.list(status, type, subjectId, limit, offset).stream().map(this::record).toList();
    }

    /** Alerts not yet closed, by severity (the dashboard's tile). */
    @Transactional
    public java.util.Map<String, Long> notClosedBySeverity() {
        return alerts.notClosedBySeverity();
    }

    @Transactional
    public AlertRecord get(UUID id) {
        return record(require(id));
    }

    /** The alert open under a key (see {@link NewAlert#openKey()}), if any. */
    @Transactional
    public Optional<AlertRecord> findOpen(String openKey) {
        return alerts.findOpen(openKey).map(this::record);
    }

    /** The alerts of a type not closed yet (e.g. the KPI alerts, to close those whose KPI recovered). */
    @Transactional
    public List<AlertRecord> notClosedOfType(String type) {
        return alerts.notClosedOfType(type).stream().map(this::record).toList();
    }

    /** Someone is on it: the alert stays open, so a repeated finding still updates it. */
    @Transactional
    public AlertRecord acknowledge(UUID id) {
        AlertEntity alert = require(id);
        if (alert.status != AlertStatus.OPEN) {
            throw new ConflictException("status", "alert " + id + " is " + alert.status + "; only an OPEN alert can be acknowledged");
        }
        alert.status = AlertStatus.ACKNOWLEDGED;
        AlertRecord record = record(alert);
        events.acknowledged(record, OffsetDateTime.now(clock));
        return record;
    }

    /** Done: the next finding of the same kind opens a new alert. */
    @Transactional
    public AlertRecord close(UUID id, String user) {
        AlertEntity alert = require(id);
        if (alert.status == AlertStatus.CLOSED) {
            throw new ConflictException("status", "alert " + id + " is CLOSED already");
        }
        return closeEntity(alert, user, null, OffsetDateTime.now(clock));
    }

    /**
     * Closes the alert open under the key, if there is one, as the system, with a note saying why (e.g. the KPI is
     * back within its threshold); in the caller's transaction. Returns the closed alert.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AlertRecord> closeRecovered(String openKey, String note, OffsetDateTime now) {
        return alerts.findOpen(openKey).map(alert -> closeEntity(alert, SYSTEM, note, now));
    }

    private AlertRecord closeEntity(AlertEntity alert, String user, String note, OffsetDateTime now) {
        alert.status = AlertStatus.CLOSED;
        alert.openKey = null;
        alert.closedBy = user;
        alert.closedAt = now;
        alert.closeNote = note == null ? null : ColumnText.message(note);
        AlertRecord record = record(alert);
        events.closed(record, now);
        return record;
    }

    private AlertEntity require(UUID id) {
        return alerts.findByIdOptional(id).orElseThrow(() -> new NotFoundException(null, "alert " + id + " does not exist"));
    }

    private AlertRecord record(AlertEntity a) {
        return new AlertRecord(a.id, a.type, a.subjectType, a.subjectId, a.owner, a.runId, a.severity, a.status.name(),
                a.message, json.tree(a.values), a.firstSeen, a.lastSeen, a.occurrences, a.closedAt, a.closedBy, a.closeNote);
    }
}
