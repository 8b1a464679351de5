package io.salesrisk.kpi.service;

import io.salesrisk.alert.persistence.AlertRepository;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.KpiReading;
import io.salesrisk.facts.Severity;
import io.salesrisk.kpi.persistence.KpiEvaluationRepository;
import io.salesrisk.kpi.persistence.KpiFiguresQuery;
import io.salesrisk.kpi.persistence.KpiValueRepository;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.salesdata.persistence.SalesTargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evaluates the process KPIs: the database measures them, the KPI table bands each value, the values are stored
 * with their band and row, and the KPI alerts follow: a crossed KPI raises (or repeats) its alert, one back within
 * its band closes it with a note. All in one transaction, so the values, the alerts and their outbox events agree.
 */
@ApplicationScoped
public class KpiService {

    /** The alert type of a crossed KPI threshold. */
    public static final String ALERT_TYPE = "KPI_THRESHOLD";
    static final String SUBJECT_TYPE = "KPI";

    private final KpiFiguresQuery figures;
    private final SalesTargetRepository targets;
    private final KpiEvaluationRepository evaluations;
    private final KpiValueRepository values;
    private final ActiveRuleSet rules;
    private final AlertService alerts;
    private final KpiMetrics metrics;
    private final KpiConfig config;
    private final JsonText json;
    private final Clock clock;

    public KpiService(KpiFiguresQuery figures, SalesTargetRepository targets, KpiEvaluationRepository evaluations,
                      KpiValueRepository values, ActiveRuleSet rules, AlertService alerts, KpiMetrics metrics,
                      KpiConfig config, JsonText json, Clock clock) {
        this.figures = figures;
        this.targets = targets;
        this.evaluations = evaluations;
        this.values = values;
        this.rules = rules;
        this.alerts = alerts;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Evaluates every KPI as of a day (today when null). With a tick key (a scheduled evaluation), returns empty when
     * another instance evaluated that tick already.
     */
    @Transactional
    public Optional<KpiEvaluation> evaluate(LocalDate asOfDay, String requestedBy, String tickKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        LocalDate asOf = asOfDay == null ? today : asOfDay;
        if (asOf.isAfter(today)) {
            throw InvalidInputException.field("asOf", "asOf " + asOf + " is in the future; KPIs are measured up to today");
        }
        if (tickKey != null && evaluations.tickTaken(tickKey)) {
            return Optional.empty();
        }
        CompiledRuleSet ruleSet = rules.current();
        UUID id = UUID.randomUUID();
        // the unique tick key: a concurrent instance's insert of the same tick fails here, before any work is done
        evaluations.insert(id, tickKey, asOf, requestedBy, ruleSet.version(), now);

        OffsetDateTime to = asOf.equals(today) ? now : asOf.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        KpiFiguresQuery.Window window = new KpiFiguresQuery.Window(asOf, asOf.minusDays(config.windowDays()),
                to.minusDays(config.windowDays()), to, to.minus(Duration.ofHours(config.heldWaitingHours())),
                config.contractRequiredAbove());
        YearMonth lastMonth = YearMonth.from(asOf).minusMonths(1);
        List<Measured> measured = KpiCalculator.measure(new KpiCalculator.Figures(figures.receivables(window),
                figures.holds(window), figures.orders(window), figures.sales(lastMonth), figures.decided(window),
                figures.salesByRep(lastMonth), targets.ofMonth(lastMonth), config.windowDays(),
                config.windowDays() + " days to " + asOf, lastMonth));

        List<KpiReadingView> readings = new ArrayList<>();
        List<KpiValueRepository.StoredValue> stored = new ArrayList<>();
        List<NewAlert> crossed = new ArrayList<>();
        int closed = 0;
        for (Measured m : measured) {
            KpiReading reading = new KpiReading(m.kpi().name(), m.scopeKind().name(), m.scope(), m.value(), m.period());
            RuleRun run = ruleSet.run(List.of(reading), reading);
            String band = run.failure() == null && reading.isBanded() ? reading.getBand().name() : null;
            String message = run.failure() != null ? "the KPI table could not be evaluated: " + run.failure()
                    : reading.isBanded() ? reading.getMessage() : "no row of the KPI table bands this value";
            stored.add(new KpiValueRepository.StoredValue(id, m.kpi().name(), m.scopeKind().name(), m.scope(), m.period(),
                    m.value(), band, reading.getRule(), reading.getRow(), message, json.write(m.inputs()), now));
            readings.add(new KpiReadingView(m.kpi().name(), m.kpi().label(), m.kpi().unit(), m.scopeKind().name(),
                    m.scope(), m.value(), m.period(), band, reading.getRule(), reading.getRow(), message, m.inputs(), now));
            metrics.record(m);
            NewAlert alert = alert(m, reading, message, id);
            if ("WATCH".equals(band) || "ALERT".equals(band)) {
                crossed.add(alert);
            } else if ("OK".equals(band)) {
                closed += alerts.closeRecovered(alert.openKey(), m.kpi().name() + " of " + scopeName(m) + " is back within"
                        + " its threshold: " + m.value().toPlainString() + " " + m.kpi().unit() + " (" + m.period()
                        + ", band OK by row " + reading.getRule() + ", " + reading.getRow() + ")", now).isPresent() ? 1 : 0;
            }
        }
        values.insertAll(stored);
        AlertRepository.RaiseCounts counts = alerts.raise(crossed, now);
        return Optional.of(new KpiEvaluation(id, asOf, now, ruleSet.version(), counts.opened(), counts.repeated(), closed,
                readings));
    }

    /**
     * The stored history, oldest first: values evaluated from the day {@code from} to the day {@code to} (both
     * included, YYYY-MM-DD; the last 30 days by default), of a scope ({@code SEGMENT}, {@code SEGMENT:SMB},
     * {@code PORTFOLIO}) or all.
     */
    @Transactional
    public List<KpiReadingView> history(String from, String to, String scope, int limit) {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = day("to", to, today);
        LocalDate first = day("from", from, last.minusDays(29));
        if (first.isAfter(last)) {
            throw InvalidInputException.field("from", "from " + first + " is after to " + last);
        }
        String scopeKind = null;
        String scopeValue = null;
        if (scope != null && !scope.isBlank()) {
            String[] parts = scope.strip().split(":", 2);
            scopeKind = parts[0].toUpperCase(java.util.Locale.ROOT);
            if (Kpi.ScopeKind.named(scopeKind).isEmpty()) {
                throw InvalidInputException.field("scope", "scope must be PORTFOLIO, SEGMENT, REGION or REP, optionally"
                        + " with a value (SEGMENT:SMB), not '" + scope + "'");
            }
            scopeValue = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
        }
        return values.history(first.atStartOfDay().atOffset(ZoneOffset.UTC), last.plusDays(1).atStartOfDay()
                .atOffset(ZoneOffset.UTC), scopeKind, scopeValue, limit).stream().map(this::view).toList();
    }

    private static LocalDate day(String field, String text, LocalDate absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.field(field, field + " must be a day as YYYY-MM-DD, not '" + text + "'");
        }
    }

    /** The last {@code evaluations} evaluations' values of every KPI and scope of the kinds, for the board's trends. */
    @Transactional
    public List<KpiReadingView> recent(List<String> scopeKinds, int evaluations) {
        return values.latestSeries(scopeKinds, evaluations).stream().map(this::view).toList();
    }

    /** Whether a scheduled tick has been evaluated (here or on another instance). */
    @Transactional
    public boolean tickEvaluated(String tickKey) {
        return evaluations.tickTaken(tickKey);
    }

    /** The active KPI table's bands by KPI. */
    public Map<String, List<KpiBands.Band>> bands() {
        return KpiBands.of(rules.current());
    }

    private KpiReadingView view(KpiValueRepository.StoredValue v) {
        Kpi kpi = Kpi.named(v.kpi()).orElse(null);
        return new KpiReadingView(v.kpi(), kpi == null ? v.kpi() : kpi.label(), kpi == null ? "" : kpi.unit(),
                v.scopeKind(), v.scope(), v.value(), v.period(), v.band(), v.rule(), v.row(), v.message(),
                json.tree(v.inputs()), v.evaluatedAt());
    }

    private static NewAlert alert(Measured m, KpiReading reading, String message, UUID evaluationId) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("kpi", m.kpi().name());
        figures.put("scopeKind", m.scopeKind().name());
        figures.put("scope", m.scope());
        figures.put("value", m.value().toPlainString());
        figures.put("unit", m.kpi().unit());
        figures.put("period", m.period());
        figures.put("band", reading.isBanded() ? reading.getBand().name() : null);
        figures.put("rule", reading.getRule());
        figures.put("row", reading.getRow());
        figures.put("inputs", m.inputs());
        // an alert's run is a re-evaluation run (the desk links it); the KPI evaluation is named here instead
        figures.put("evaluationId", evaluationId.toString());
        Severity severity = reading.getBand() == KpiReading.Band.ALERT ? Severity.HIGH : Severity.MEDIUM;
        return new NewAlert(ALERT_TYPE, SUBJECT_TYPE, m.kpi().name() + ":" + m.scopeKind().name() + ":" + m.scope(), null,
                severity, m.kpi().label() + " of " + scopeName(m) + ": " + message, figures, null);
    }

    private static String scopeName(Measured m) {
        return m.scopeKind() == Kpi.ScopeKind.PORTFOLIO ? "the portfolio" : m.scopeKind().name().toLowerCase() + " " + m.scope();
    }
}
