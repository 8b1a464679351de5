package io.salesrisk.alert.service;

import io.salesrisk.alert.persistence.AlertEntity;
import io.salesrisk.alert.persistence.AlertRecord;
import io.salesrisk.alert.persistence.AlertRepository;
import io.salesrisk.alert.persistence.AlertStatus;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Alerts raised by risk signals and contingency plans: raising (de-duplicated while open), the queue, its actions. */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final JsonText json;
    private final Clock clock;

    public AlertService(AlertRepository alerts, JsonText json, Clock clock) {
        this.alerts = alerts;
        this.json = json;
        this.clock = clock;
    }

    /** Raises alerts in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AlertRepository.RaiseCounts raise(List<NewAlert> raised, OffsetDateTime now) {
        return alerts.raiseAll(raised, now);
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

    /** Someone is on it: the alert stays open, so a repeated finding still updates it. */
    @Transactional
    public AlertRecord acknowledge(UUID id) {
        AlertEntity alert = require(id);
        if (alert.status != AlertStatus.OPEN) {
            throw new ConflictException("status", "alert " + id + " is " + alert.status + "; only an OPEN alert can be acknowledged");
        }
        alert.status = AlertStatus.ACKNOWLEDGED;
        return record(alert);
    }

    /** Done: the next finding of the same kind opens a new alert. */
    @Transactional
    public AlertRecord close(UUID id, String user) {
        AlertEntity alert = require(id);
        if (alert.status == AlertStatus.CLOSED) {
            throw new ConflictException("status", "alert " + id + " is CLOSED already");
        }
        alert.status = AlertStatus.CLOSED;
        alert.openKey = null;
        alert.closedBy = user;
        alert.closedAt = OffsetDateTime.now(clock);
        return record(alert);
    }

    private AlertEntity require(UUID id) {
        return alerts.findByIdOptional(id).orElseThrow(() -> new NotFoundException(null, "alert " + id + " does not exist"));
    }

    private AlertRecord record(AlertEntity a) {
        return new AlertRecord(a.id, a.type, a.subjectType, a.subjectId, a.owner, a.runId, a.severity, a.status.name(),
                a.message, json.tree(a.values), a.firstSeen, a.lastSeen, a.occurrences, a.closedAt, a.closedBy);
    }
}
