package io.salesrisk.ruleset.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.ruleset.config.RulesConfig;
import io.salesrisk.ruleset.persistence.RuleSetOrigin;
import io.salesrisk.ruleset.persistence.RuleSetRecord;
import io.salesrisk.ruleset.persistence.RuleSetStatus;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.stream.Collectors;

/**
 * At startup: run the version the database says is active (shared by every instance), then register what the rule
 * folders hold. On a fresh database the folder version becomes the first active one, and a broken rule file stops
 * the start naming the file and cell; later a broken folder never replaces the working version.
 */
@ApplicationScoped
public class RuleSetBootstrap {

    private final RuleSetService service;
    private final RuleFolders folders;
    private final ActiveRuleSet active;
    private final RuleFolderWatcher watcher;
    private final RulesConfig config;

    public RuleSetBootstrap(RuleSetService service, RuleFolders folders, ActiveRuleSet active, RuleFolderWatcher watcher,
                            RulesConfig config) {
        this.service = service;
        this.folders = folders;
        this.active = active;
        this.watcher = watcher;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        start();
    }

    public void start() {
        try {
            service.follow();
        } catch (RuntimeException e) {
            Log.errorf("the active rule set in the database could not be loaded: %s", e.getMessage());
        }
        watcher.acknowledge(folders.fingerprint());
        RuleSources sources = folders.read();
        RuleSetService.Registration registration = service.register(sources, RuleSetOrigin.FOLDER, "folder",
                "rule folders at startup");
        RuleSetRecord record = registration.record();
        record.messages().stream().filter(m -> m.level() == CompileMessage.Level.WARNING)
                .forEach(warning -> Log.warnf("rule file warning: %s", warning));
        boolean nothingActive = active.find().isEmpty();
        if (record.status() == RuleSetStatus.REJECTED) {
            String errors = record.messages().stream().filter(m -> m.level() == CompileMessage.Level.ERROR)
                    .map(CompileMessage::toString).collect(Collectors.joining("\n"));
            if (nothingActive) {
                throw new IllegalStateException("salesrisk cannot start: rule files do not compile:\n" + errors);
            }
            Log.errorf("rule files in the folders do not compile; version %s stays active:\n%s",
                    active.current().version(), errors);
            return;
        }
        if (nothingActive) {
            if (!record.scenariosPassed()) {
                throw new IllegalStateException("salesrisk cannot start: the rule folders fail their scenarios: "
                        + record.scenarioResults().stream().filter(r -> !r.passed())
                        .map(r -> r.location() + " " + r.problems()).collect(Collectors.joining("; ")));
            }
            service.activateFromFolder(record.version());
        } else if (registration.created() && config.folder().autoActivate() && record.scenariosPassed()
                && !record.version().equals(active.current().version())) {
            service.activateFromFolder(record.version());
        }
        Log.infof("rule set %s active: %d rules", active.current().version(), active.current().rules().size());
    }
}
