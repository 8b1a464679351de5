package io.salesrisk.effectiveness.service;

import io.quarkus.logging.Log;
import io.salesrisk.backtest.service.SignalOutcomeTable;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.effectiveness.config.EffectivenessConfig;
import io.salesrisk.effectiveness.persistence.EffectivenessQuery;
import io.salesrisk.effectiveness.service.EffectivenessReport.HoldFigures;
import io.salesrisk.effectiveness.service.EffectivenessReport.RuleEffectiveness;
import io.salesrisk.effectiveness.service.EffectivenessReport.SignalFigures;
import io.salesrisk.ruleset.persistence.RuleSetEvent;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.ruleset.service.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule-effectiveness report of a period: the database counts firings, holds, signals and alerts per rule with what
 * happened next ({@link EffectivenessQuery}); this service lists the rows of the versions active in the period beside
 * them, turns the counts into rates and flags what the configured thresholds ask to review.
 */
@ApplicationScoped
public class EffectivenessService {

    static final String NEVER_FIRED = "NEVER_FIRED";
    static final String OVERRIDE_RATE = "OVERRIDE_RATE";
    static final String LOW_LIFT = "LOW_LIFT";

    private final EffectivenessQuery query;
    private final RuleSetService ruleSets;
    private final ActiveRuleSet active;
    private final EffectivenessConfig config;
    private final Clock clock;

    public EffectivenessService(EffectivenessQuery query, RuleSetService ruleSets, ActiveRuleSet active,
                                EffectivenessConfig config, Clock clock) {
        this.query = query;
        this.ruleSets = ruleSets;
        this.active = active;
        this.config = config;
        this.clock = clock;
    }

    /** The report from the day {@code from} to the day {@code to} (both included, YYYY-MM-DD, UTC). */
    @Transactional
    public EffectivenessReport report(String from, String to) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first.isAfter(last)) {
            throw InvalidInputException.field("from", "from " + first + " is after to " + last);
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > config.maxPeriodDays()) {
            throw InvalidInputException.field("to", "a report covers at most " + config.maxPeriodDays() + " days; "
                    + first + " to " + last + " is " + (ChronoUnit.DAYS.between(first, last) + 1));
        }
        LocalDate today = LocalDate.now(clock);
        EffectivenessQuery.Window window = new EffectivenessQuery.Window(first.atStartOfDay().atOffset(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), today);
        List<String> notes = new ArrayList<>();
        List<String> versions = activeVersions(window);
        RuleCatalog catalog = new RuleCatalog();
        for (String version : versions) {
            try {
                catalog.add(ruleSets.compiled(version));
            } catch (RuntimeException e) {
                Log.warnf("rule effectiveness: version %s cannot be listed: %s", version, e.getMessage());
                notes.add("version " + version + " is not stored or no longer compiles: its rows are not listed");
            }
        }
        notes.add("Order rules and holds are counted from the decisions' firing rows (on PostgreSQL every decision;"
                + " on the embedded H2 database only those stored since migration V9).");
        notes.add("Bad release and the payment outcome of a signal: an invoice of the customer more than "
                + config.overdueDays() + " days past due within " + config.horizonDays() + " days; signals the "
                + "signal-outcome table (signal-outcomes.xlsx) judges by sales: sales of the signal's month and the 2 after"
                + " it below half of the customer's usual sales (the 12 months before, pro rata), as in backtests.");
        long[] activity = query.activity(window);
        // signals are judged as the active version's signal-outcome table says, as backtests judge them
        SignalOutcomeTable outcomes = new SignalOutcomeTable(active.current());
        List<RuleEffectiveness> rows = rows(catalog, window, activity[0], activity[1], outcomes);
        List<String> judgedBySales = rows.stream().filter(r -> r.signals() != null && "SALES_DROP".equals(r.signals().outcome()))
                .map(r -> r.signals().type()).distinct().sorted().toList();
        int flagged = (int) rows.stream().filter(RuleEffectiveness::flagged).count();
        return new EffectivenessReport(first, last, today, versions, new EffectivenessReport.Thresholds(
                config.maxOverridePercent(), config.minLift(), config.flagNeverFired(), config.overdueDays(),
                config.horizonDays(), judgedBySales), flagged, rows, notes);
    }

    /** Versions active at some time in the period (by their activations), and those stamped on its decisions. */
    private List<String> activeVersions(EffectivenessQuery.Window window) {
        List<RuleSetEvent> activations = new ArrayList<>(ruleSets.activations(10_000));
        activations.sort(Comparator.comparing(RuleSetEvent::occurredAt));
        Set<String> versions = new LinkedHashSet<>();
        for (int i = 0; i < activations.size(); i++) {
            OffsetDateTime start = activations.get(i).occurredAt();
            OffsetDateTime end = i + 1 < activations.size() ? activations.get(i + 1).occurredAt() : null;
            if (start.isBefore(window.to()) && (end == null || end.isAfter(window.from()))) {
                versions.add(activations.get(i).version());
            }
        }
        versions.addAll(query.decisionVersions(window));
        if (versions.isEmpty()) {
            ruleSets.activeRecord().ifPresent(active -> versions.add(active.version()));
        }
        return List.copyOf(versions);
    }

    private static final class Row {
        final String rule;
        final String kind;
        String source;
        List<String> versions = List.of();
        boolean listed;
        EffectivenessQuery.Fired fired;
        EffectivenessQuery.Held held;
        EffectivenessQuery.Raised raised;

        Row(String rule, String kind) {
            this.rule = rule;
            this.kind = kind;
        }
    }

    private List<RuleEffectiveness> rows(RuleCatalog catalog, EffectivenessQuery.Window window, long decisions, long runs,
                                         SignalOutcomeTable outcomes) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RuleCatalog.Entry entry : catalog.entries()) {
            Row row = rows.computeIfAbsent(entry.kind() + "|" + entry.rule(), k -> new Row(entry.rule(), entry.kind()));
            row.source = entry.source();
            row.versions = entry.versions();
            row.listed = true;
        }
        for (EffectivenessQuery.Fired fired : query.fired(window)) {
            rows.computeIfAbsent("ORDER|" + fired.rule(), k -> new Row(fired.rule(), "ORDER")).fired = fired;
        }
        for (EffectivenessQuery.Held held : query.held(window)) {
            rows.computeIfAbsent("ORDER|" + held.rule(), k -> new Row(held.rule(), "ORDER")).held = held;
        }
        for (EffectivenessQuery.Raised raised : query.signals(window)) {
            rows.computeIfAbsent("SIGNAL|" + raised.rule(), k -> new Row(raised.rule(), "SIGNAL")).raised = raised;
        }
        for (EffectivenessQuery.Raised raised : query.alerts(window)) {
            rows.computeIfAbsent("ALERT|" + raised.rule(), k -> new Row(raised.rule(), "ALERT")).raised = raised;
        }
        List<RuleEffectiveness> result = new ArrayList<>();
        for (String kind : List.of("ORDER", "SIGNAL", "ALERT")) {
            rows.values().stream().filter(r -> r.kind.equals(kind))
                    .forEach(r -> result.add(effectiveness(r, window, kind.equals("ORDER") ? decisions : runs, outcomes)));
        }
        return result;
    }

    /** @param chances decisions taken (order rules) or runs started (signal rules) in the period */
    private RuleEffectiveness effectiveness(Row row, EffectivenessQuery.Window window, long chances,
                                            SignalOutcomeTable outcomes) {
        HoldFigures holds = row.held == null ? null : holds(row.held);
        SignalFigures signals = row.raised == null ? null : signals(row.raised, outcomes);
        List<String> flags = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean firedAtAll = row.fired != null || row.raised != null;
        if (config.flagNeverFired() && row.listed && !firedAtAll) {
            flags.add(NEVER_FIRED);
            boolean signal = row.kind.equals("SIGNAL");
            reasons.add((signal ? "raised no signal" : "never fired") + " from " + window.from().toLocalDate() + " to "
                    + window.to().toLocalDate().minusDays(1) + (chances > 0 ? ""
                    : signal ? " (no re-evaluation run in the period)" : " (no decision in the period)"));
        }
        if (holds != null && holds.overridePercent() != null
                && holds.overridePercent().compareTo(config.maxOverridePercent()) > 0) {
            flags.add(OVERRIDE_RATE);
            reasons.add("officers released " + holds.released() + " of " + (holds.released() + holds.rejected())
                    + " holds they decided (" + plain(holds.overridePercent()) + " %), above "
                    + plain(config.maxOverridePercent()) + " %");
        }
        if (signals != null && signals.lift() != null && signals.lift().compareTo(config.minLift()) < 0) {
            flags.add(LOW_LIFT);
            reasons.add("lift " + plain(signals.lift()) + " (hit rate " + plain(signals.hitPercent()) + " % against a base"
                    + " rate of " + plain(signals.basePercent()) + " %), below " + plain(config.minLift()));
        }
        long decisions = row.fired == null ? 0 : row.fired.decisions();
        long fired = row.fired == null ? 0 : row.fired.fired();
        long decided = row.fired == null ? 0 : row.fired.decided();
        return new RuleEffectiveness(row.rule, row.kind, row.source, row.versions, decisions, fired, decided, holds,
                signals, List.copyOf(flags), reasons.isEmpty() ? null : String.join("; ", reasons));
    }

    private static HoldFigures holds(EffectivenessQuery.Held h) {
        return new HoldFigures(h.holds(), h.released(), h.rejected(), percent(h.released(), h.released() + h.rejected()),
                h.releasedScored(), h.badReleases(), percent(h.badReleases(), h.releasedScored()),
                h.released() - h.releasedScored());
    }

    private SignalFigures signals(EffectivenessQuery.Raised r, SignalOutcomeTable outcomes) {
        // a type the table names no outcome for is judged by payment, the outcome of every credit signal
        boolean drop = outcomes.judgedBySales(r.type());
        long scored = drop ? r.dropScored() : r.overdueScored();
        long hits = drop ? r.dropHits() : r.overdueHits();
        long base = drop ? r.baseDropScored() : r.baseOverdueScored();
        long baseHits = drop ? r.baseDropHits() : r.baseOverdueHits();
        BigDecimal lift = scored == 0 || base == 0 || baseHits == 0 ? null
                : BigDecimal.valueOf(hits * base).divide(BigDecimal.valueOf(scored * baseHits), 2, RoundingMode.HALF_UP);
        return new SignalFigures(r.type(), drop ? "SALES_DROP" : "OVERDUE", r.raised(), scored, r.raised() - scored, hits,
                percent(hits, scored), base, baseHits, percent(baseHits, base), lift);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.field(field, field + " is required: a day as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field(field, field + " must be a day as YYYY-MM-DD, not '" + text + "'");
        }
    }
}
