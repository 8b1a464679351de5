package io.salesrisk.reevaluation.run;

import io.salesrisk.alert.persistence.AlertStore;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertConfig;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.SqlDialect;
import io.salesrisk.contingency.catalog.ContingencyCatalog;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanStore;
import io.salesrisk.contingency.service.PlanActivator;
import io.salesrisk.facts.Assessment;
import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.facts.ProfileFinding;
import io.salesrisk.facts.Scorecard;
import io.salesrisk.limitproposal.persistence.LimitProposalStore;
import io.salesrisk.limitproposal.persistence.NewLimitProposal;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes the results of one chunk in the caller's transaction, in batches: the customers whose values changed (and
 * a record of each change with its reasons), failed items, limit proposals, risk signals, alerts and customer-level
 * contingency plans. Customers whose values stay the same cost no write at all.
 */
@ApplicationScoped
public class ChunkWriter {

    /** A customer that could not be assessed, and why. */
    public record FailedItem(String customerId, String reason) {
    }

    /** One scorecard factor in a stored assessment. */
    record ScorePoints(String factor, int points, String rule, String source, String message) {
    }

    /** One reason in a stored assessment. */
    record Because(String what, String rule, String source, String message) {
    }

    /** The reasons column of a customer assessment. */
    record StoredReasons(List<ScorePoints> score, List<Because> reasons, BigDecimal limitComputed) {
    }

    private static final Set<String> WEAK_CLASSES = Set.of("D", "E");

    private final JsonText json;
    private final AlertStore alerts;
    private final AlertConfig alertConfig;
    private final LimitProposalStore proposals;
    private final PlanStore plans;
    private final PlanActivator activator;
    private final String insertAssessment;
    private final String insertSignal;

    public ChunkWriter(JsonText json, AlertStore alerts, AlertConfig alertConfig, LimitProposalStore proposals,
                       PlanStore plans, PlanActivator activator, SqlDialect dialect) {
        this.json = json;
        this.alerts = alerts;
        this.alertConfig = alertConfig;
        this.proposals = proposals;
        this.plans = plans;
        this.activator = activator;
        this.insertAssessment = "INSERT INTO customer_assessments (run_id, customer_id, assessed_at, score_before, score, "
                + "class_before, class_after, limit_before, limit_after, limit_proposed, terms_before, terms_after, "
                + "prepayment_before, prepayment, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + dialect.jsonParameter() + ")";
        this.insertSignal = "INSERT INTO risk_signals (id, run_id, customer_id, signal_type, severity, rule, message, "
                + "signal_values, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, " + dialect.jsonParameter() + ", ?)";
    }

    public ChunkStats write(Connection connection, RunRecord run, ChunkClaim claim, List<CustomerAssessment> assessed,
                            List<FailedItem> failures, ContingencyCatalog catalog, OffsetDateTime now) throws SQLException {
        Timestamp at = Timestamp.from(now.toInstant());
        List<FailedItem> failed = new ArrayList<>(failures);
        List<CustomerAssessment> kept = updateCustomers(connection, assessed, failed, at);
        List<CustomerAssessment> changed = kept.stream().filter(CustomerAssessment::changed).toList();
        insertAssessments(connection, run.id(), changed, at);
        insertFailures(connection, run.id(), failed);
        ChunkStats stats = new ChunkStats();
        writeProposals(connection, run.id(), claim, kept, stats, now);
        writeSignals(connection, run.id(), kept, stats, at, now);
        writeCustomerPlans(connection, run.id(), claim, kept, catalog, stats, now);
        count(kept, changed.size(), failed.size(), stats);
        return stats;
    }

    /**
     * Stores the new values of changed customers, guarded by the limit and class they were assessed with: a customer
     * whose limit a risk officer changed in the meantime becomes a failed item rather than losing that change.
     */
    private List<CustomerAssessment> updateCustomers(Connection connection, List<CustomerAssessment> assessed,
                                                     List<FailedItem> failed, Timestamp at) throws SQLException {
        List<CustomerAssessment> changed = assessed.stream().filter(CustomerAssessment::changed).toList();
        Set<String> conflicts = new HashSet<>();
        if (!changed.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE customers SET score = ?, risk_class = ?, "
                    + "credit_limit = ?, payment_terms_days = ?, prepayment_required = ?, updated_at = ? "
                    + "WHERE id = ? AND credit_limit = ? AND risk_class = ?")) {
                for (CustomerAssessment a : changed) {
                    update.setInt(1, a.score());
                    update.setString(2, a.classAfter());
                    update.setBigDecimal(3, a.limitAfter());
                    update.setInt(4, a.termsAfter());
                    update.setBoolean(5, a.prepaymentAfter());
                    update.setTimestamp(6, at);
                    update.setString(7, a.customerId());
                    update.setBigDecimal(8, a.limitBefore());
                    update.setString(9, a.classBefore());
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        conflicts.add(changed.get(i).customerId());
                        failed.add(new FailedItem(changed.get(i).customerId(), "changed by someone else while being assessed "
                                + "(limit or class); the next run assesses it again"));
                    }
                }
            }
        }
        return conflicts.isEmpty() ? assessed : assessed.stream().filter(a -> !conflicts.contains(a.customerId())).toList();
    }

    private void insertAssessments(Connection connection, UUID runId, List<CustomerAssessment> changed, Timestamp at)
            throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(insertAssessment)) {
            for (CustomerAssessment a : changed) {
                CustomerProfile p = a.profile();
                insert.setObject(1, runId);
                insert.setString(2, a.customerId());
                insert.setTimestamp(3, at);
                insert.setObject(4, p.getPreviousScore());
                insert.setInt(5, a.score());
                insert.setString(6, a.classBefore());
                insert.setString(7, a.classAfter());
                insert.setBigDecimal(8, a.limitBefore());
                insert.setBigDecimal(9, a.limitAfter());
                insert.setBigDecimal(10, a.limitProposed());
                insert.setInt(11, a.termsBefore());
                insert.setInt(12, a.termsAfter());
                insert.setBoolean(13, a.prepaymentBefore());
                insert.setBoolean(14, a.prepaymentAfter());
                insert.setString(15, reasonsJson(a));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private String reasonsJson(CustomerAssessment a) {
        List<ScorePoints> score = new ArrayList<>();
        for (Scorecard.Points p : a.points()) {
            score.add(new ScorePoints(p.factor(), p.points(), p.finding().rule(), p.finding().source(), p.finding().message()));
        }
        List<Because> reasons = new ArrayList<>();
        for (ProfileFinding f : a.reasons()) {
            reasons.add(new Because(f.what(), f.rule(), f.source(), f.message()));
        }
        return json.write(new StoredReasons(score, reasons, a.limitComputed()));
    }

    private static void insertFailures(Connection connection, UUID runId, List<FailedItem> failed) throws SQLException {
        if (failed.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reevaluation_failures (run_id, customer_id, reason) VALUES (?, ?, ?)")) {
            for (FailedItem item : failed) {
                insert.setObject(1, runId);
                insert.setString(2, item.customerId());
                insert.setString(3, ColumnText.message(item.reason()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void writeProposals(Connection connection, UUID runId, ChunkClaim claim, List<CustomerAssessment> kept,
                                ChunkStats stats, OffsetDateTime now) throws SQLException {
        List<NewLimitProposal> proposed = new ArrayList<>();
        for (CustomerAssessment a : kept) {
            if (a.limitProposed() != null) {
                proposed.add(new NewLimitProposal(a.customerId(), runId, a.limitBefore(), a.limitProposed(), reasonsJson(a)));
            }
        }
        proposals.propose(connection, proposed, now);
        Set<String> pending = proposals.pendingBetween(connection, claim.firstId(), claim.lastId());
        List<String> superseded = new ArrayList<>();
        for (CustomerAssessment a : kept) {
            if (a.limitProposed() == null && pending.contains(a.customerId())) {
                superseded.add(a.customerId());
            }
        }
        proposals.supersede(connection, superseded, runId, now);
        stats.limitsProposed = proposed.size();
        stats.proposalsSuperseded = superseded.size();
    }

    private void writeSignals(Connection connection, UUID runId, List<CustomerAssessment> kept, ChunkStats stats,
                              Timestamp at, OffsetDateTime now) throws SQLException {
        List<NewAlert> raised = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(insertSignal)) {
            boolean any = false;
            for (CustomerAssessment a : kept) {
                for (Assessment.Signal signal : a.signals()) {
                    Map<String, Object> values = signal.finding().values();
                    insert.setObject(1, Ids.timeOrdered());
                    insert.setObject(2, runId);
                    insert.setString(3, a.customerId());
                    insert.setString(4, signal.type());
                    insert.setString(5, signal.severity().name());
                    insert.setString(6, signal.finding().rule());
                    insert.setString(7, ColumnText.message(signal.finding().message()));
                    insert.setString(8, json.write(values));
                    insert.setTimestamp(9, at);
                    insert.addBatch();
                    any = true;
                    stats.signals.computeIfAbsent(signal.type(), t -> new TreeMap<>()).merge(signal.severity().name(), 1, Integer::sum);
                    if (alertConfig.raises(signal.severity())) {
                        raised.add(new NewAlert(signal.type(), "CUSTOMER", a.customerId(), null, signal.severity(),
                                "customer " + a.customerId() + ": " + signal.finding().message(), values, runId));
                    }
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
        AlertStore.RaiseCounts counts = alerts.raise(connection, raised, now);
        stats.alertsOpened = counts.opened();
        stats.alertsRepeated = counts.repeated();
    }

    /** Activates the plans customer-level triggers ask for and ends those whose trigger no longer holds. */
    private void writeCustomerPlans(Connection connection, UUID runId, ChunkClaim claim, List<CustomerAssessment> kept,
                                    ContingencyCatalog catalog, ChunkStats stats, OffsetDateTime now) throws SQLException {
        List<PlanActivator.RaisedRisk> raised = new ArrayList<>();
        Set<String> raisedScopes = new HashSet<>();
        Map<String, CustomerAssessment> byScope = new LinkedHashMap<>();
        for (CustomerAssessment a : kept) {
            String scope = "CUSTOMER:" + a.customerId();
            byScope.put(scope, a);
            for (Assessment.RaisedRisk risk : a.risks()) {
                raised.add(new PlanActivator.RaisedRisk(risk.riskType(), scope, risk.finding()));
                catalog.risk(risk.riskType()).ifPresent(r -> raisedScopes.add(r.planCode() + "|" + scope));
            }
        }
        stats.customerPlansActivated = activator.activate(connection, catalog, raised, runId, now).size();
        List<UUID> ended = new ArrayList<>();
        for (PlanRecord plan : plans.activeWithScopeBetween(connection, "CUSTOMER:" + claim.firstId(), "CUSTOMER:" + claim.lastId())) {
            if (byScope.containsKey(plan.scope()) && !raisedScopes.contains(plan.planCode() + "|" + plan.scope())) {
                ended.add(plan.id());
            }
        }
        stats.customerPlansEnded = plans.end(connection, ended, "run " + runId,
                "the trigger condition no longer holds in run " + runId, now);
    }

    private static void count(List<CustomerAssessment> kept, int changed, int failed, ChunkStats stats) {
        stats.assessed = kept.size();
        stats.failed = failed;
        stats.changed = changed;
        for (CustomerAssessment a : kept) {
            stats.classTransitions.merge(a.classBefore() + "->" + a.classAfter(), 1, Integer::sum);
            int limit = a.limitAfter().compareTo(a.limitBefore());
            if (limit > 0) {
                stats.limitsIncreased++;
                stats.limitIncreaseTotal = stats.limitIncreaseTotal.add(a.limitAfter().subtract(a.limitBefore()));
            } else if (limit < 0) {
                stats.limitsDecreased++;
                stats.limitDecreaseTotal = stats.limitDecreaseTotal.add(a.limitBefore().subtract(a.limitAfter()));
            }
            if (a.termsAfter() != a.termsBefore()) {
                stats.termsChanged++;
            }
            if (a.prepaymentAfter()) {
                stats.prepaymentRequired++;
            }
            if (a.prepaymentAfter() != a.prepaymentBefore()) {
                stats.prepaymentChanged++;
            }
            CustomerProfile p = a.profile();
            ChunkStats.SegmentTotals totals = stats.segments.computeIfAbsent(p.getSegment(), s -> new ChunkStats.SegmentTotals());
            totals.customers++;
            totals.exposure = totals.exposure.add(p.getTotalExposure());
            if (WEAK_CLASSES.contains(a.classAfter())) {
                totals.exposureClassDE = totals.exposureClassDE.add(p.getTotalExposure());
            }
            totals.receivables = totals.receivables.add(p.getOpenReceivables());
            totals.overdue = totals.overdue.add(p.getOverdueAmount());
            totals.last3MonthsSales = totals.last3MonthsSales.add(p.getLast3MonthsSales());
            totals.sameMonthsLastYearSales = totals.sameMonthsLastYearSales.add(p.getSameMonthsLastYearSales());
        }
    }

}
