package io.salesrisk.desk.rulesets;

import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.facts.Outcome;
import io.salesrisk.ruleset.diff.RuleSetDiff;
import io.salesrisk.ruleset.persistence.RuleSetEvent;
import io.salesrisk.ruleset.persistence.RuleSetRecord;
import io.salesrisk.ruleset.persistence.RuleSetStatus;
import io.salesrisk.ruleset.scenario.ScenarioResult;
import io.salesrisk.ruleset.service.RuleSetService;
import io.salesrisk.ruleset.simulation.SimulationReport;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Assembles what the rule-set pages show from the rule-set service; the templates only lay it out. */
@ApplicationScoped
public class RuleSetViews {

    static final int PAGE_SIZE = 20;
    static final int ACTIVATIONS = 15;
    private static final int DIFF_CHOICES = 50;
    private static final Pattern VERSION_IN_MESSAGE = Pattern.compile("version ([0-9a-f]{12})");
    private static final List<String> OUTCOMES = Arrays.stream(Outcome.values()).map(Enum::name).toList();

    private final RuleSetService ruleSets;

    public RuleSetViews(RuleSetService ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** One version in a list or at the top of its page. */
    public record Row(String version, String status, String origin, String author, OffsetDateTime createdAt, int ruleCount,
                      int scenarios, long scenariosFailed, boolean scenariosPassed, String approvedBy,
                      OffsetDateTime approvedAt, OffsetDateTime activatedAt, String note, long errors, long warnings,
                      boolean active, boolean rejected) {

        static Row of(RuleSetRecord r) {
            long errors = r.messages().stream().filter(m -> m.level() == CompileMessage.Level.ERROR).count();
            long failed = r.scenarioResults().stream().filter(s -> !s.passed()).count();
            return new Row(r.version(), r.status().name(), r.origin().name(), r.author(), r.createdAt(), r.ruleCount(),
                    r.scenarioResults().size(), failed, r.scenariosPassed(), r.approvedBy(), r.approvedAt(), r.activatedAt(),
                    r.note(), errors, r.messages().size() - errors, r.status() == RuleSetStatus.ACTIVE,
                    r.status() == RuleSetStatus.REJECTED);
        }
    }

    /** Why an upload was refused: the service's summary and each located error. */
    public record Refusal(String summary, List<ProblemDetail> errors, String rejectedVersion) {

        static Refusal of(InvalidInputException e) {
            Matcher m = VERSION_IN_MESSAGE.matcher(e.getMessage() == null ? "" : e.getMessage());
            return new Refusal(e.getMessage(), e.errors(), m.find() ? m.group(1) : null);
        }

        static Refusal of(String summary, List<ProblemDetail> errors) {
            return new Refusal(summary, errors, null);
        }
    }

    /** The list page. */
    public record ListView(List<Row> rows, int page, int pages, int total, Row active, String rollbackTo,
                           List<RuleSetEvent> activations, String message, Refusal refusal, String note) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }
    }

    public ListView list(int requestedPage, String message, Refusal refusal, String note) {
        List<RuleSetRecord> all = ruleSets.list();
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, requestedPage), pages);
        List<Row> rows = all.subList(Math.min(all.size(), (page - 1) * PAGE_SIZE), Math.min(all.size(), page * PAGE_SIZE))
                .stream().map(Row::of).toList();
        Optional<RuleSetRecord> active = all.stream().filter(r -> r.status() == RuleSetStatus.ACTIVE).findFirst();
        return new ListView(rows, page, pages, all.size(), active.map(Row::of).orElse(null),
                active.map(r -> rollbackTarget(r.version())).orElse(null), ruleSets.activations(ACTIVATIONS), message,
                refusal, note);
    }

    /** The version the active one replaced, if it can be activated again (the rollback). */
    String rollbackTarget(String activeVersion) {
        List<RuleSetEvent> events = ruleSets.events(activeVersion);
        for (int i = events.size() - 1; i >= 0; i--) {
            RuleSetEvent e = events.get(i);
            if ("ACTIVATED".equals(e.action())) {
                String previous = e.previousVersion();
                if (previous == null || previous.equals(activeVersion)) {
                    return null;
                }
                return ruleSets.find(previous).filter(r -> r.status() == RuleSetStatus.RETIRED).map(RuleSetRecord::version)
                        .orElse(null);
            }
        }
        return null;
    }

    /** A file of the version and where the desk serves it. */
    public record FileRow(String path, String name, int size, String href) {
    }

    /** The simulation form's values. */
    public record SimulationForm(String from, String to, String limit) {

        static SimulationForm defaults(LocalDate today) {
            return new SimulationForm(today.minusDays(7).toString(), today.toString(), "20");
        }
    }

    /** One row of the transition matrix: decisions that went from {@code from} (baseline) to each candidate outcome. */
    public record MatrixRow(String from, List<Cell> cells, long total) {
    }

    /** A count in the transition matrix; {@code moved} when the outcome changes. */
    public record Cell(String to, long count, boolean moved) {
    }

    /** The outcome counts of one side: as decided, baseline, candidate. */
    public record OutcomeCounts(String label, List<Long> counts) {
    }

    /** A simulation as the page shows it. */
    public record SimulationView(SimulationReport report, List<String> outcomes, List<OutcomeCounts> counts,
                                 List<MatrixRow> matrix, long moved) {
    }

    public SimulationView simulation(SimulationReport report) {
        Map<String, Long> transitions = report.transitions().stream()
                .collect(Collectors.toMap(t -> t.from() + ">" + t.to(), SimulationReport.Transition::count, Long::sum));
        List<MatrixRow> matrix = new ArrayList<>();
        long moved = 0;
        for (String from : OUTCOMES) {
            List<Cell> cells = new ArrayList<>();
            long total = 0;
            for (String to : OUTCOMES) {
                long count = transitions.getOrDefault(from + ">" + to, 0L);
                cells.add(new Cell(to, count, !from.equals(to) && count > 0));
                total += count;
                if (!from.equals(to)) {
                    moved += count;
                }
            }
            matrix.add(new MatrixRow(from, cells, total));
        }
        List<OutcomeCounts> counts = new ArrayList<>();
        Map<String, String> labels = Map.of("asDecided", "As decided (stored)", "baseline", "Active version (baseline)",
                "candidate", "This version");
        for (String side : List.of("asDecided", "baseline", "candidate")) {
            Map<String, Long> byOutcome = report.outcomes().getOrDefault(side, Map.of());
            counts.add(new OutcomeCounts(labels.get(side), OUTCOMES.stream().map(o -> byOutcome.getOrDefault(o, 0L)).toList()));
        }
        return new SimulationView(report, OUTCOMES, counts, matrix, moved);
    }

    /** The version page. */
    public record VersionView(Row row, List<CompileMessage> messages, List<ScenarioResult> scenarios, List<FileRow> files,
                              List<RuleSetEvent> events, List<RuleSetEvent> activations, RuleSetDiff diff, String diffFrom,
                              String diffError, List<Row> diffChoices, boolean approvable, boolean authoredByMe,
                              boolean activatable, String activationBlocked, String rollbackTo, boolean fourEyes,
                              SimulationForm simulationForm, SimulationView simulation, Refusal simulationRefusal,
                              String message, Refusal refusal) {

        public long errorCount() {
            return messages.stream().filter(m -> m.level() == CompileMessage.Level.ERROR).count();
        }

        public boolean diffEmpty() {
            return diff != null && diff.files().isEmpty() && diff.rows().isEmpty() && diff.drlRules().isEmpty();
        }
    }

    /**
     * Everything about one version for {@code user}.
     *
     * @throws NotFoundException when the version does not exist
     */
    public VersionView version(String version, String from, String user, SimulationForm form, SimulationView simulation,
                               Refusal simulationRefusal, String message, Refusal refusal, LocalDate today) {
        RuleSetRecord record = ruleSets.find(version)
                .orElseThrow(() -> new NotFoundException(null, "rule set " + version + " does not exist"));
        Row row = Row.of(record);
        List<FileRow> files = ruleSets.files(version).files().stream().map(f -> file(version, f)).toList();
        String rollbackTo = row.active() ? rollbackTarget(version) : null;

        // the diff: against the chosen version, else the active one, or for the active one what it replaced
        String base = from != null && !from.isBlank() ? from.trim() : null;
        if (base == null) {
            base = row.active() ? lastReplaced(version) : ruleSets.activeRecord().map(RuleSetRecord::version).orElse(null);
        }
        RuleSetDiff diff = null;
        String diffError = null;
        if (base == null) {
            diffError = row.active() ? "This version replaced no other version; choose one to compare with."
                    : "No version is active to compare with; choose one.";
        } else {
            try {
                diff = ruleSets.diff(version, base);
            } catch (NotFoundException | ConflictException | InvalidInputException e) {
                diffError = e.getMessage();
            }
        }
        List<Row> choices = ruleSets.list().stream().filter(r -> !r.version().equals(version)).limit(DIFF_CHOICES)
                .map(Row::of).toList();

        boolean candidate = record.status() == RuleSetStatus.CANDIDATE;
        boolean approvable = candidate && record.approvedBy() == null && record.scenariosPassed();
        String blocked = null;
        boolean activatable = false;
        switch (record.status()) {
            case CANDIDATE -> {
                if (!record.scenariosPassed()) {
                    blocked = "Its scenarios fail: it can be neither approved nor activated until they pass.";
                } else if (ruleSets.fourEyes() && record.approvedBy() == null) {
                    blocked = "Four-eyes: a second risk officer, not the author (" + record.author()
                            + "), must approve it before it can be activated.";
                } else {
                    activatable = true;
                }
            }
            case RETIRED -> activatable = true;
            case REJECTED -> blocked = "It was rejected and can never be activated; its messages say why.";
            default -> {
                // ACTIVE: nothing to activate
            }
        }
        List<RuleSetEvent> activations = ruleSets.activations(ACTIVATIONS);
        return new VersionView(row, record.messages(), record.scenarioResults(), files, ruleSets.events(version),
                activations, diff, base, diffError, choices, approvable, user.equals(record.author()), activatable,
                blocked, rollbackTo, ruleSets.fourEyes(), form == null ? SimulationForm.defaults(today) : form, simulation,
                simulationRefusal, message, refusal);
    }

    /** The version the given one replaced when it was last activated. */
    private String lastReplaced(String version) {
        List<RuleSetEvent> events = ruleSets.events(version);
        for (int i = events.size() - 1; i >= 0; i--) {
            if ("ACTIVATED".equals(events.get(i).action())) {
                String previous = events.get(i).previousVersion();
                return previous == null || previous.equals(version) ? null : previous;
            }
        }
        return null;
    }

    private static FileRow file(String version, RuleFile file) {
        String encoded = Arrays.stream(file.path().split("/"))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        return new FileRow(file.path(), file.fileName(), file.content().length,
                "/desk/rulesets/" + version + "/files/" + encoded);
    }
}
