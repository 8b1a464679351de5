package io.salesrisk.ruleset.service;

import io.quarkus.logging.Log;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleDescriptor;
import io.salesrisk.engine.RuleEngine;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSetCompilationException;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.facts.RuleRef;
import io.salesrisk.ruleset.config.RulesConfig;
import io.salesrisk.ruleset.diff.RuleSetDiff;
import io.salesrisk.ruleset.diff.RuleSetDiffer;
import io.salesrisk.ruleset.persistence.RuleSetEvent;
import io.salesrisk.ruleset.persistence.RuleSetOrigin;
import io.salesrisk.ruleset.persistence.RuleSetRecord;
import io.salesrisk.ruleset.persistence.RuleSetStatus;
import io.salesrisk.ruleset.persistence.RuleSetStore;
import io.salesrisk.ruleset.scenario.ScenarioResult;
import io.salesrisk.ruleset.scenario.ScenarioRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The life of a rule set: registered as a candidate (compiled off to the side, scenarios run), approved by a second
 * risk officer, activated (the database pointer moves, then the local reference is swapped atomically), rolled
 * back by activating an earlier version. Every instance follows the database pointer.
 */
@ApplicationScoped
public class RuleSetService {

    private final RuleEngine engine;
    private final RuleSetStore store;
    private final CompiledRuleSets compiled;
    private final ActiveRuleSet active;
    private final RulesConfig config;
    private final Clock clock;
    private final List<RuleSetCheck> checks;

    @Inject
    public RuleSetService(RuleEngine engine, RuleSetStore store, CompiledRuleSets compiled, ActiveRuleSet active,
                          RulesConfig config, Clock clock, Instance<RuleSetCheck> checks) {
        this(engine, store, compiled, active, config, clock, checks.stream().toList());
    }

    public RuleSetService(RuleEngine engine, RuleSetStore store, CompiledRuleSets compiled, ActiveRuleSet active,
                          RulesConfig config, Clock clock, List<RuleSetCheck> checks) {
        this.checks = List.copyOf(checks);
        this.engine = engine;
        this.store = store;
        this.compiled = compiled;
        this.active = active;
        this.config = config;
        this.clock = clock;
    }

    /** The result of registering files. */
    public record Registration(RuleSetRecord record, boolean created) {
    }

    /** The result of an activation. */
    public record Activation(RuleSetRecord record, String previousVersion) {
    }

    /**
     * Compiles the files off to the side and runs their scenarios; stores them as a CANDIDATE, or as REJECTED with
     * every error. Registering the same files again returns the existing version.
     */
    public Registration register(RuleSources sources, RuleSetOrigin origin, String author, String note) {
        String version = sources.contentHash().substring(0, 12);
        Optional<RuleSetRecord> existing = store.find(version);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        RuleSetRecord record;
        try {
            CompiledRuleSet candidate = engine.compile(sources);
            List<CompileMessage> warnings = new ArrayList<>(candidate.warnings());
            warnings.addAll(checkBeyondCompiling(candidate));
            List<ScenarioResult> scenarios = ScenarioRunner.run(candidate, sources.scenarioFiles());
            refuseSlowRules(candidate, scenarios);
            boolean passed = scenarios.stream().allMatch(ScenarioResult::passed);
            record = new RuleSetRecord(version, sources.contentHash(), RuleSetStatus.CANDIDATE, origin, author, now,
                    candidate.rules().size(), warnings, scenarios, passed, null, null, null, note);
            compiled.put(candidate);
        } catch (RuleSetCompilationException e) {
            record = new RuleSetRecord(version, sources.contentHash(), RuleSetStatus.REJECTED, origin, author, now, 0,
                    e.messages(), List.of(), false, null, null, null, note);
        }
        try {
            store.insert(record, sources);
        } catch (RuntimeException raced) {
            // the same files registered concurrently (another request or instance): theirs is as good as ours
            return store.find(version).map(r -> new Registration(r, false)).orElseThrow(() -> raced);
        }
        Log.infof("rule set %s registered from %s by %s: %s, %d rules, scenarios %s", version, origin, author,
                record.status(), record.ruleCount(), record.scenariosPassed() ? "pass" : "fail");
        return new Registration(record, true);
    }

    /**
     * Registers uploaded files: by default they replace the same files of the active version ({@code replace}: they
     * are the whole set). A set that does not compile is recorded as REJECTED and refused with every error located.
     *
     * @throws InvalidInputException naming the file and line, or sheet and cell, of every error
     */
    public Registration registerUpload(List<RuleSetUpload.Part> parts, boolean replace, String author, String note) {
        List<RuleFile> files = RuleSetUpload.files(parts, config.upload());
        RuleSources base = replace ? new RuleSources(List.of())
                : activeRecord().map(r -> files(r.version())).orElse(new RuleSources(List.of()));
        Registration registration = register(RuleSetUpload.merge(base, files, replace), RuleSetOrigin.UPLOAD, author, note);
        RuleSetRecord record = registration.record();
        if (record.status() == RuleSetStatus.REJECTED) {
            List<ProblemDetail> errors = record.messages().stream().filter(m -> m.level() == CompileMessage.Level.ERROR)
                    .map(m -> new ProblemDetail(null, m.line() > 0 ? m.line() : null, m.file(), m.sheet(), m.cell(), null,
                            m.message()))
                    .toList();
            throw new InvalidInputException("the rule files do not compile; version " + record.version()
                    + " is recorded as REJECTED and the active version is unchanged", errors);
        }
        return registration;
    }

    /** One file of a version, byte for byte. */
    public RuleFile file(String version, String path) {
        return files(version).files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundException(null, "rule set " + version + " has no file " + path));
    }

    /** What changed from another version ({@code from}, default the active one) to this one. */
    public RuleSetDiff diff(String version, String from) {
        String base = from != null ? from : activeRecord().map(RuleSetRecord::version)
                .orElseThrow(() -> new NotFoundException(null, "no rule set is active to compare with"));
        return RuleSetDiffer.diff(base, files(base), version, files(version));
    }

    /**
     * A rule that outlasts the time budget on a scenario would do the same to orders: the version is REJECTED with
     * the rule's place named, like a compile error.
     */
    private static void refuseSlowRules(CompiledRuleSet candidate, List<ScenarioResult> scenarios)
            throws RuleSetCompilationException {
        for (ScenarioResult scenario : scenarios) {
            if (!scenario.timedOut()) {
                continue;
            }
            // the problems already name the rule and the budget ("rule X ran longer than the time budget of …")
            String message = "scenario '" + scenario.scenario() + "' (" + scenario.location() + ") was stopped: "
                    + String.join("; ", scenario.problems());
            RuleRef ref = candidate.rules().stream().map(RuleDescriptor::ref)
                    .filter(r -> r.name().equals(scenario.slowRule())).findFirst().orElse(null);
            CompileMessage error = ref == null ? CompileMessage.error(null, 0, message)
                    : ref.sheet() == null ? CompileMessage.error(ref.file(), ref.row(), message)
                    : CompileMessage.cellError(ref.file(), ref.sheet(), firstCell(candidate, ref.name(), ref.row()), message);
            List<CompileMessage> messages = new ArrayList<>(candidate.warnings());
            messages.add(error);
            throw new RuleSetCompilationException(messages);
        }
    }

    /** The first cell of a table rule's row ("B12"), or "row 12" if the table is not at hand. */
    private static String firstCell(CompiledRuleSet candidate, String rule, int row) {
        return candidate.tables().stream().flatMap(workbook -> workbook.tables().stream())
                .flatMap(table -> table.rows().stream()).filter(r -> r.rule().equals(rule))
                .map(r -> r.cells().get(0).ref()).findFirst().orElse("row " + row);
    }

    /** @return the checks' warnings, to be kept with the version's messages */
    private List<CompileMessage> checkBeyondCompiling(CompiledRuleSet candidate) throws RuleSetCompilationException {
        List<CompileMessage> messages = checks.stream().flatMap(check -> check.check(candidate).stream()).toList();
        List<CompileMessage> errors = messages.stream().filter(m -> m.level() == CompileMessage.Level.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new RuleSetCompilationException(errors);
        }
        return messages.stream().filter(m -> m.level() != CompileMessage.Level.ERROR).toList();
    }

    /**
     * A second risk officer approves a candidate (four-eyes); the author cannot approve their own. Approving a
     * version that is approved already changes nothing and answers with the approval on record.
     */
    public RuleSetRecord approve(String version, String approver) {
        RuleSetRecord record = require(version);
        if (record.approvedBy() != null && record.status() != RuleSetStatus.REJECTED) {
            return record;
        }
        if (record.status() != RuleSetStatus.CANDIDATE) {
            throw new ConflictException("version", "only a candidate can be approved; " + version + " is " + record.status());
        }
        if (!record.scenariosPassed()) {
            throw new ConflictException("version", "version " + version + " fails its scenarios: " + failures(record));
        }
        if (approver.equals(record.author())) {
            throw new ConflictException("version", "four-eyes: " + approver + " wrote version " + version
                    + " and cannot approve it; another risk officer must");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return store.approve(version, approver, now) ? record.approved(approver, now) : require(version);
    }

    /**
     * Activates a version for every instance. A candidate needs passing scenarios and, with four-eyes on, an
     * approval; a RETIRED version (one that was active before) can be re-activated at once: that is the rollback.
     */
    public Activation activate(String version, String actor) {
        RuleSetRecord record = require(version);
        if (record.status() == RuleSetStatus.CANDIDATE && config.fourEyes() && record.approvedBy() == null) {
            throw new ConflictException("version", "four-eyes: version " + version
                    + " needs the approval of a second risk officer (POST /api/rulesets/" + version + "/approve)");
        }
        return activateChecked(record, actor);
    }

    /** Activation without approval, for the startup bootstrap and the watched folder. */
    public Activation activateFromFolder(String version) {
        return activateChecked(require(version), "folder");
    }

    private Activation activateChecked(RuleSetRecord record, String actor) {
        switch (record.status()) {
            case REJECTED -> throw new ConflictException("version", "version " + record.version()
                    + " was rejected and cannot be activated: " + firstError(record));
            case ACTIVE -> {
                return new Activation(record, record.version());
            }
            case CANDIDATE -> {
                if (!record.scenariosPassed()) {
                    throw new ConflictException("version", "version " + record.version() + " fails its scenarios: "
                            + failures(record));
                }
            }
            default -> {
                // RETIRED: it was active before; re-activating it is the one-call rollback
            }
        }
        CompiledRuleSet ruleSet = compiled.get(record.version());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String previous = store.activate(record.version(), actor, now).orElse(null);
        active.activate(ruleSet);
        Log.infof("rule set %s activated by %s (was %s)", record.version(), actor, previous);
        return new Activation(record.activated(now), previous);
    }

    /** Brings this instance to the version the database says is active; returns the version now active here. */
    public Optional<String> follow() {
        Optional<String> wanted = store.activeVersion();
        String running = active.find().map(CompiledRuleSet::version).orElse(null);
        if (wanted.isPresent() && !wanted.get().equals(running)) {
            active.activate(compiled.get(wanted.get()));
            Log.infof("rule set %s activated on this instance (following the database; was %s)", wanted.get(), running);
        }
        return active.find().map(CompiledRuleSet::version);
    }

    public Optional<RuleSetRecord> find(String version) {
        return store.find(version);
    }

    public List<RuleSetRecord> list() {
        return store.list();
    }

    public Optional<RuleSetRecord> activeRecord() {
        return store.activeVersion().flatMap(store::find);
    }

    public RuleSources files(String version) {
        require(version);
        return store.files(version);
    }

    public List<RuleSetEvent> events(String version) {
        return store.events(version);
    }

    /** The latest activations of any version (rollbacks included), newest first. */
    public List<RuleSetEvent> activations(int limit) {
        return store.activations(limit);
    }

    /** Whether a candidate needs a second officer's approval before it can be activated. */
    public boolean fourEyes() {
        return config.fourEyes();
    }

    /** The compiled rule set of a stored version (from memory when recently used). */
    public CompiledRuleSet compiled(String version) {
        RuleSetRecord record = require(version);
        if (record.status() == RuleSetStatus.REJECTED) {
            throw new ConflictException("version", "version " + version + " was rejected: " + firstError(record));
        }
        return compiled.get(version);
    }

    RuleSetRecord require(String version) {
        return store.find(version).orElseThrow(() -> new NotFoundException(null, "rule set " + version + " does not exist"));
    }

    private static String failures(RuleSetRecord record) {
        return record.scenarioResults().stream().filter(r -> !r.passed())
                .map(r -> r.location() + " '" + r.scenario() + "': " + String.join("; ", r.problems()))
                .reduce((a, b) -> a + " | " + b).orElse("none");
    }

    private static String firstError(RuleSetRecord record) {
        return record.messages().stream().filter(m -> m.level() == CompileMessage.Level.ERROR)
                .map(CompileMessage::toString).findFirst().orElse("see its messages");
    }
}
