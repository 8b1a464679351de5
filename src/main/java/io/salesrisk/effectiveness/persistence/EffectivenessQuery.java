package io.salesrisk.effectiveness.persistence;

import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.common.persistence.NamedSql;
import io.salesrisk.common.persistence.SqlResource;
import io.salesrisk.effectiveness.config.EffectivenessConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The counts the rule-effectiveness report is made of, aggregated by the database (src/main/resources/sql/
 * effectiveness-*.sql) over the stored decisions' rule firings, the holds, the risk signals and the alerts: only one
 * row per rule reaches Java. Plain SQL that PostgreSQL and H2 both run.
 */
@ApplicationScoped
public class EffectivenessQuery {

    /** The period {@code [from, to)}, and the day the report is made (what is old enough to be scored). */
    public record Window(OffsetDateTime from, OffsetDateTime to, LocalDate today) {
    }

    /** An order rule's firings in the period. */
    public record Fired(String rule, long decisions, long fired, long decided) {
    }

    /** The holds a rule asked for in the period and how they ended. */
    public record Held(String rule, long holds, long released, long rejected, long releasedScored, long badReleases) {
    }

    /**
     * What a signal rule (or an alert type) raised in the period, counted per run and customer, with both outcomes:
     * raised pairs scored and hit, and the same over every customer its runs assessed.
     */
    public record Raised(String rule, String type, long raised, long dropScored, long dropHits, long overdueScored,
                         long overdueHits, long baseDropScored, long baseDropHits, long baseOverdueScored,
                         long baseOverdueHits) {
    }

    private static final String SIGNAL_PAIRS = "SELECT s.rule, s.signal_type, s.run_id, s.customer_id, r.as_of"
            + " FROM risk_signals s JOIN reevaluation_runs r ON r.id = s.run_id"
            + " WHERE s.created_at >= :from AND s.created_at < :to";
    private static final String ALERT_PAIRS = "SELECT a.alert_type AS rule, a.alert_type AS signal_type, a.run_id,"
            + " a.subject_id AS customer_id, r.as_of FROM alerts a JOIN reevaluation_runs r ON r.id = a.run_id"
            + " WHERE a.subject_type = 'CUSTOMER' AND a.first_seen >= :from AND a.first_seen < :to";

    private final Jdbc jdbc;
    private final int horizonDays;
    private final NamedSql firings;
    private final NamedSql holds;
    private final NamedSql signals;
    private final NamedSql alerts;

    public EffectivenessQuery(Jdbc jdbc, EffectivenessConfig config) {
        this.jdbc = jdbc;
        int overdueDays = config.overdueDays();
        this.horizonDays = config.horizonDays();
        Map<String, String> days = Map.of("overdueDays", String.valueOf(overdueDays), "horizonDays",
                String.valueOf(horizonDays));
        this.firings = new NamedSql(SqlResource.load("effectiveness-firings.sql", Map.of()));
        this.holds = new NamedSql(SqlResource.load("effectiveness-holds.sql", with(days,
                "overdueAfterRelease", overdueAfter("CAST(h.closed_at AS DATE)", overdueDays, horizonDays))));
        String runOutcome = overdueAfter("a.as_of", overdueDays, horizonDays);
        this.signals = new NamedSql(SqlResource.load("effectiveness-outcomes.sql", with(with(days, "overdueAfterRun",
                runOutcome), "pairs", SIGNAL_PAIRS)));
        this.alerts = new NamedSql(SqlResource.load("effectiveness-outcomes.sql", with(with(days, "overdueAfterRun",
                runOutcome), "pairs", ALERT_PAIRS)));
    }

    /**
     * An invoice of the customer (alias {@code i}) more than {@code overdueDays} past due at some day within
     * {@code horizonDays} after the day {@code x}: due early enough, and unpaid (in part) to this day or paid in full
     * only after both that many days past due and the day x.
     */
    static String overdueAfter(String x, int overdueDays, int horizonDays) {
        return "i.due_date < " + x + " + INTERVAL '" + (horizonDays - overdueDays) + "' DAY"
                + " AND (i.paid_amount < i.amount OR (i.paid_date > i.due_date + INTERVAL '" + overdueDays + "' DAY"
                + " AND i.paid_date > " + x + "))";
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    public List<Fired> fired(Window w) {
        return jdbc.read(sql -> sql.list(firings, Map.of("from", w.from(), "to", w.to()), 500,
                row -> new Fired(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4))));
    }

    public List<Held> held(Window w) {
        OffsetDateTime matureBefore = w.today().minusDays(horizonDays).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
        return jdbc.read(sql -> sql.list(holds, Map.of("from", w.from(), "to", w.to(), "matureBefore", matureBefore), 500,
                row -> new Held(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6))));
    }

    public List<Raised> signals(Window w) {
        return raised(signals, w);
    }

    public List<Raised> alerts(Window w) {
        return raised(alerts, w);
    }

    /** The rule-set versions stamped on the decisions taken in the period. */
    public List<String> decisionVersions(Window w) {
        return jdbc.read(sql -> sql.list(new NamedSql("SELECT DISTINCT d.ruleset_version FROM decisions d"
                + " WHERE d.evaluated_at >= :from AND d.evaluated_at < :to"), Map.of("from", w.from(), "to", w.to()), 100,
                row -> row.getString(1)));
    }

    /** How many decisions were taken and re-evaluation runs started in the period. */
    public long[] activity(Window w) {
        return jdbc.read(sql -> sql.list(new NamedSql("SELECT (SELECT COUNT(*) FROM decisions d WHERE d.evaluated_at >= :from"
                        + " AND d.evaluated_at < :to), (SELECT COUNT(*) FROM reevaluation_runs r WHERE r.created_at >= :from"
                        + " AND r.created_at < :to)"), Map.of("from", w.from(), "to", w.to()),
                1, row -> new long[] {row.getLong(1), row.getLong(2)}).get(0));
    }

    private List<Raised> raised(NamedSql statement, Window w) {
        Map<String, Object> values = Map.of("from", w.from(), "to", w.to(), "today", w.today(),
                "monthStart", w.today().withDayOfMonth(1));
        return jdbc.read(sql -> sql.list(statement, values, 500, row -> new Raised(row.getString(1), row.getString(2),
                row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8),
                row.getLong(9), row.getLong(10), row.getLong(11))));
    }
}
