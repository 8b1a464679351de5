package io.salesrisk.ruleset.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.ruleset.config.RulesConfig;
import io.salesrisk.ruleset.persistence.RuleSetOrigin;
import io.salesrisk.ruleset.persistence.RuleSetRecord;
import io.salesrisk.ruleset.persistence.RuleSetStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.stream.Collectors;

/**
 * Picks up files saved in the rule folders: once the folders have stayed unchanged for the debounce time (so a
 * half-written file is not compiled), their content is registered as a candidate and, when configured and its
 * scenarios pass, activated. A broken file is recorded as REJECTED and changes nothing.
 */
@ApplicationScoped
public class RuleFolderWatcher {

    private final RuleFolders folders;
    private final RuleSetService service;
    private final RulesConfig config;
    private String seen;
    private String pending;
    private long pendingSince;

    public RuleFolderWatcher(RuleFolders folders, RuleSetService service, RulesConfig config) {
        this.folders = folders;
        this.service = service;
        this.config = config;
    }

    /** Marks the folders' current state as handled (the startup registered it). */
    public synchronized void acknowledge(String fingerprint) {
        seen = fingerprint;
        pending = null;
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void poll() {
        if (!config.folder().watch() || seen == null) {
            return;
        }
        String now = folders.fingerprint();
        if (now.equals(seen)) {
            pending = null;
            return;
        }
        if (!now.equals(pending)) {
            pending = now;
            pendingSince = System.currentTimeMillis();
            return;
        }
        if (System.currentTimeMillis() - pendingSince < config.folder().debounceMillis()) {
            return;
        }
        seen = now;
        pending = null;
        register();
    }

    private void register() {
        try {
            RuleSetService.Registration registration = service.register(folders.read(), RuleSetOrigin.FOLDER, "folder",
                    "saved in the rule folders");
            RuleSetRecord record = registration.record();
            if (record.status() == RuleSetStatus.REJECTED) {
                Log.errorf("saved rule files do not compile; the active version stays:\n%s", record.messages().stream()
                        .filter(m -> m.level() == CompileMessage.Level.ERROR).map(CompileMessage::toString)
                        .collect(Collectors.joining("\n")));
            } else if (!record.scenariosPassed()) {
                Log.warnf("saved rule files compile as %s but fail their scenarios; not activated", record.version());
            } else if (config.folder().autoActivate() && record.status() == RuleSetStatus.CANDIDATE) {
                service.activateFromFolder(record.version());
            } else {
                Log.infof("saved rule files registered as candidate %s (status %s)", record.version(), record.status());
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "the rule folders could not be registered");
        }
    }
}
