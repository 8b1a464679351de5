package io.salesrisk.desk.runs;

import io.salesrisk.common.json.JsonText;
import io.salesrisk.reevaluation.persistence.ChunkRepository;
import io.salesrisk.reevaluation.run.RunFinisher;
import io.salesrisk.reevaluation.run.RunProgress;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunStatus;
import io.salesrisk.reevaluation.service.RunReports;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Turns runs and their stored summaries into what the run pages show. */
@ApplicationScoped
public class RunViews {

    static final List<String> CLASSES = List.of("A", "B", "C", "D", "E");
    private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");

    /**
     * A run in a list or at the top of its page.
     *
     * @param tone      extra badge class for the status (info, ok, warn)
     * @param processed customers done or failed
     * @param percent   processed of total, 0 to 100
     * @param spark     for a run handed to Spark, how far the job has come: "12 of 40 chunks assessed by Spark"; else null
     */
    public record Row(UUID id, String status, String tone, String scope, String trigger, String requestedBy, LocalDate asOf,
                      String rulesetVersion, int total, int done, int failed, int processed, int percent, boolean finished,
                      boolean cancellable, boolean completed, double ratePerSecond, Long etaSeconds,
                      OffsetDateTime createdAt, OffsetDateTime finishedAt, String spark) {
    }

    /** One cell of the class transition matrix; {@code same} on the diagonal. */
    public record Cell(int count, boolean same) {
    }

    public record MatrixRow(String from, List<Cell> cells, int total) {
    }

    public record SignalRow(String type, List<Integer> counts, int total) {
    }

    /** A completed run's summary, laid out for the page. */
    public record Summary(int assessed, int failed, int changed, List<MatrixRow> matrix, Map<String, Integer> otherTransitions,
                          RunFinisher.LimitChanges limits, int termsChanged, int prepaymentRequired, int prepaymentChanged,
                          List<String> severities, List<SignalRow> signals, int alertsOpened, int alertsRepeated,
                          int customerPlansActivated, int customerPlansEnded, List<RunFinisher.PlanChange> plansActivated,
                          List<RunFinisher.PlanChange> plansEnded, RunFinisher.PortfolioView portfolio,
                          List<RunFinisher.SegmentView> segments, List<RunFinisher.MarketView> markets,
                          List<ChunkRepository.FailedChunk> failedChunks, String triggerFailure,
                          Map<String, BigDecimal> exposureByClass) {
    }

    private final JsonText json;

    public RunViews(JsonText json) {
        this.json = json;
    }

    Row row(RunReports.RunState state) {
        RunRecord run = state.run();
        RunProgress progress = state.progress();
        int processed = progress.done() + progress.failed();
        int percent;
        if (run.status() == RunStatus.COMPLETED) {
            percent = 100;
        } else if (run.total() == 0) {
            percent = 0;
        } else {
            percent = (int) Math.min(100, Math.floor(processed * 100.0 / run.total()));
        }
        String tone = switch (run.status()) {
            case RUNNING, FINISHING -> "info";
            case COMPLETED -> "ok";
            case CANCELLED -> "warn";
        };
        return new Row(run.id(), run.status().name(), tone, scope(run), run.trigger().name(), run.requestedBy(), run.asOf(),
                run.rulesetVersion(), run.total(), progress.done(), progress.failed(), processed, percent, run.finished(),
                !run.finished(), run.status() == RunStatus.COMPLETED, progress.ratePerSecond(), progress.etaSeconds(),
                run.createdAt(), run.finishedAt(), progress.chunksStaged() == null ? null
                        : progress.chunksStaged() + " of " + run.chunks() + " chunks assessed by Spark");
    }

    static String scope(RunRecord run) {
        return switch (run.scope().kind()) {
            case ALL -> "all customers";
            case SEGMENT -> "segment " + run.scope().value();
            case REGION -> "region " + run.scope().value();
            case CUSTOMERS -> run.total() + (run.total() == 1 ? " listed customer" : " listed customers");
        };
    }

    /** The summary of a completed run, or null. */
    Summary summary(RunRecord run) {
        if (run.summaryJson() == null) {
            return null;
        }
        RunFinisher.Summary s = json.read(run.summaryJson(), RunFinisher.Summary.class);
        Map<String, Integer> transitions = s.classTransitions() == null ? Map.of() : s.classTransitions();
        List<MatrixRow> matrix = new ArrayList<>();
        for (String from : CLASSES) {
            List<Cell> cells = new ArrayList<>();
            int total = 0;
            for (String to : CLASSES) {
                int n = transitions.getOrDefault(from + "->" + to, 0);
                cells.add(new Cell(n, from.equals(to)));
                total += n;
            }
            matrix.add(new MatrixRow(from, cells, total));
        }
        Map<String, Integer> other = new LinkedHashMap<>();
        transitions.forEach((key, n) -> {
            String[] parts = key.split("->", 2);
            if (parts.length != 2 || !CLASSES.contains(parts[0]) || !CLASSES.contains(parts[1])) {
                other.put(key, n);
            }
        });
        Map<String, Map<String, Integer>> signals = s.signals() == null ? Map.of() : s.signals();
        TreeSet<String> found = new TreeSet<>();
        signals.values().forEach(bySeverity -> found.addAll(bySeverity.keySet()));
        List<String> severities = new ArrayList<>(SEVERITIES.stream().filter(found::contains).toList());
        found.stream().filter(sev -> !SEVERITIES.contains(sev)).forEach(severities::add);
        List<SignalRow> signalRows = new ArrayList<>();
        signals.forEach((type, bySeverity) -> {
            List<Integer> counts = severities.stream().map(sev -> bySeverity.getOrDefault(sev, 0)).toList();
            signalRows.add(new SignalRow(type, counts, counts.stream().mapToInt(Integer::intValue).sum()));
        });
        return new Summary(s.assessed(), s.failed(), s.changed(), matrix, other, s.limits(), s.termsChanged(),
                s.prepaymentRequired(), s.prepaymentChanged(), severities, signalRows, s.alertsOpened(), s.alertsRepeated(),
                s.customerPlansActivated(), s.customerPlansEnded(), nonNull(s.plansActivated()), nonNull(s.plansEnded()),
                s.portfolio(), nonNull(s.segments()), nonNull(s.markets()), nonNull(s.failedChunks()), s.triggerFailure(),
                s.exposureByClass() == null ? Map.of() : s.exposureByClass());
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
