package io.salesrisk.ruleset.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleEngine;
import io.salesrisk.engine.RuleSetCompilationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

/** Compiles the rule folders at startup; a broken rule file stops startup with the file, sheet and cell at fault. */
@ApplicationScoped
public class RuleSetStartup {

    private final RuleEngine engine;
    private final RuleFolders folders;
    private final ActiveRuleSet active;

    public RuleSetStartup(RuleEngine engine, RuleFolders folders, ActiveRuleSet active) {
        this.engine = engine;
        this.folders = folders;
        this.active = active;
    }

    public void onStart(@Observes @Priority(10) StartupEvent event) {
        long start = System.nanoTime();
        try {
            CompiledRuleSet ruleSet = engine.compile(folders.read());
            for (CompileMessage warning : ruleSet.warnings()) {
                Log.warnf("rule file warning: %s", warning);
            }
            active.activate(ruleSet);
            Log.infof("rule set %s active: %d rules from %d files, compiled in %d ms", ruleSet.version(),
                    ruleSet.rules().size(), ruleSet.sources().files().size(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuleSetCompilationException e) {
            Log.error(e.getMessage());
            throw new IllegalStateException("salesrisk cannot start: " + e.getMessage(), e);
        }
    }
}
