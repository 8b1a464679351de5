package io.salesrisk.ruleset.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.ruleset.persistence.RuleSetEvent;
import io.salesrisk.ruleset.persistence.RuleSetRecord;
import io.salesrisk.ruleset.scenario.ScenarioResult;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A rule-set version as the API shows it. Lists show the summary; one version also shows its messages, scenario
 * results, files and history.
 *
 * @param errors   number of compile errors (a version with errors is REJECTED)
 * @param warnings number of warnings (normalised Excel input, gaps and overlaps)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(String version, String status, String origin, String author, OffsetDateTime createdAt,
                          int ruleCount, long errors, long warnings, boolean scenariosPassed, String approvedBy,
                          OffsetDateTime approvedAt, OffsetDateTime activatedAt, String note,
                          List<CompileMessage> messages, List<ScenarioResult> scenarios, List<FileView> files,
                          List<RuleSetEvent> history) {

    /** A file of the version and where to download it. */
    public record FileView(String path, int size, String href) {
    }

    static RuleSetView summary(RuleSetRecord r) {
        return of(r, null, null, false);
    }

    static RuleSetView detail(RuleSetRecord r, RuleSources files, List<RuleSetEvent> history) {
        return of(r, files, history, true);
    }

    private static RuleSetView of(RuleSetRecord r, RuleSources files, List<RuleSetEvent> history, boolean detailed) {
        long errors = r.messages().stream().filter(m -> m.level() == CompileMessage.Level.ERROR).count();
        return new RuleSetView(r.version(), r.status().name(), r.origin().name(), r.author(), r.createdAt(), r.ruleCount(),
                errors, r.messages().size() - errors, r.scenariosPassed(), r.approvedBy(), r.approvedAt(), r.activatedAt(),
                r.note(), detailed ? r.messages() : null, detailed ? r.scenarioResults() : null,
                files == null ? null : files.files().stream().map(f -> file(r.version(), f)).toList(), history);
    }

    private static FileView file(String version, RuleFile file) {
        return new FileView(file.path(), file.content().length, "/api/rulesets/" + version + "/files/" + file.path());
    }
}
