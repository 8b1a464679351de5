package io.salesrisk.desk.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanStatus;
import io.salesrisk.contingency.service.PlanService;
import io.salesrisk.decision.service.DecisionService;
import io.salesrisk.hold.persistence.HoldRepository;
import io.salesrisk.hold.persistence.WorklistFilter;
import io.salesrisk.hold.service.Worklist;
import io.salesrisk.hold.service.WorklistService;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.RunStatus;
import io.salesrisk.reevaluation.service.RunReports;
import io.salesrisk.ruleset.persistence.RuleSetRecord;
import io.salesrisk.ruleset.service.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers the dashboard's tiles and charts from the features that own the figures. */
@ApplicationScoped
public class DashboardFigures {

    static final List<String> RISK_CLASSES = List.of("A", "B", "C", "D", "E");
    static final List<String> OUTCOMES = List.of("APPROVE", "REVIEW", "BLOCK");
    private static final String[] CLASS_COLOURS = {"#1e7a3c", "#5f9e3a", "#c79a00", "#d9661f", "#b3261e"};
    private static final DateTimeFormatter RUN_LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** Outcome counts of a period, in APPROVE, REVIEW, BLOCK order. */
    public record Outcomes(long total, Map<String, Long> byOutcome) {
    }

    /** The whole dashboard. {@code exposureChart} and {@code classShareChart} are chart specs for desk.js, as JSON. */
    public record Dashboard(Outcomes today, Outcomes week, long openHolds, Map<String, Long> holdsByAge,
                            Map<String, Long> alertsBySeverity, long openAlerts, List<PlanRecord> activePlans,
                            RuleSetRecord activeRuleSet, int runsCharted, String exposureChart, String classShareChart,
                            BigDecimal latestExposure, Map<String, BigDecimal> latestClassShare) {
    }

    private final DecisionService decisions;
    private final WorklistService worklist;
    private final AlertService alerts;
    private final PlanService plans;
    private final RunReports runs;
    private final RuleSetService ruleSets;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DashboardFigures(DecisionService decisions, WorklistService worklist, AlertService alerts, PlanService plans,
                            RunReports runs, RuleSetService ruleSets, ObjectMapper mapper, Clock clock) {
        this.decisions = decisions;
        this.worklist = worklist;
        this.alerts = alerts;
        this.plans = plans;
        this.runs = runs;
        this.ruleSets = ruleSets;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Dashboard dashboard() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime startOfDay = today.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime startOfWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay()
                .atOffset(ZoneOffset.UTC);
        Worklist holds = worklist.page(new WorklistFilter(null, null, null, null, null, null, null, null, null, null,
                null, today), HoldRepository.Sort.AGE, false, 0, 1, false);
        Map<String, Long> bySeverity = alerts.notClosedBySeverity();
        List<RunPoint> points = portfolioRuns();
        RunPoint latest = points.isEmpty() ? null : points.get(points.size() - 1);
        return new Dashboard(outcomes(startOfDay), outcomes(startOfWeek), holds.total(), holds.byAge(), bySeverity,
                bySeverity.values().stream().mapToLong(Long::longValue).sum(), plans.list(PlanStatus.ACTIVE, 20),
                ruleSets.activeRecord().orElse(null), points.size(), exposureChart(points), classShareChart(points),
                latest == null ? null : latest.exposure, latest == null ? Map.of() : latest.classShare);
    }

    private Outcomes outcomes(OffsetDateTime since) {
        Map<String, Long> counts = decisions.outcomesSince(since);
        Map<String, Long> ordered = new LinkedHashMap<>();
        OUTCOMES.forEach(o -> ordered.put(o, counts.getOrDefault(o, 0L)));
        return new Outcomes(ordered.values().stream().mapToLong(Long::longValue).sum(), ordered);
    }

    /** One completed whole-portfolio run: its exposure and the share of it (%) per risk class. */
    private record RunPoint(String label, BigDecimal exposure, Map<String, BigDecimal> classShare) {
    }

    /** The last 12 completed runs over the whole portfolio, oldest first (a segment's run is not the portfolio). */
    private List<RunPoint> portfolioRuns() {
        List<RunPoint> points = new ArrayList<>();
        for (RunReports.RunState state : runs.recent(60)) {
            RunRecord run = state.run();
            if (run.status() != RunStatus.COMPLETED || run.scope().kind() != RunScope.Kind.ALL || run.summaryJson() == null) {
                continue;
            }
            JsonNode summary = read(run.summaryJson());
            JsonNode byClass = summary.path("exposureByClass");
            BigDecimal exposure = summary.path("portfolio").path("totalExposure").decimalValue();
            Map<String, BigDecimal> share = new LinkedHashMap<>();
            for (String riskClass : RISK_CLASSES) {
                BigDecimal classExposure = byClass.path(riskClass).decimalValue();
                share.put(riskClass, exposure.signum() == 0 ? BigDecimal.ZERO
                        : classExposure.multiply(BigDecimal.valueOf(100)).divide(exposure, 1, RoundingMode.HALF_UP));
            }
            OffsetDateTime at = run.finishedAt() == null ? run.createdAt() : run.finishedAt();
            points.add(0, new RunPoint(at.format(RUN_LABEL), exposure, share));
            if (points.size() == 12) {
                break;
            }
        }
        return points;
    }

    private String exposureChart(List<RunPoint> points) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("labels", points.stream().map(RunPoint::label).toList());
        spec.put("yLabel", "exposure");
        spec.put("fill", true);
        spec.put("series", List.of(Map.of("label", "portfolio exposure", "color", "#1f5fbf",
                "values", points.stream().map(RunPoint::exposure).toList())));
        return write(spec);
    }

    private String classShareChart(List<RunPoint> points) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("labels", points.stream().map(RunPoint::label).toList());
        spec.put("yLabel", "% of exposure");
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < RISK_CLASSES.size(); i++) {
            String riskClass = RISK_CLASSES.get(i);
            series.add(Map.of("label", "class " + riskClass, "color", CLASS_COLOURS[i],
                    "values", points.stream().map(p -> p.classShare.get(riskClass)).toList()));
        }
        spec.put("series", series);
        return write(spec);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
