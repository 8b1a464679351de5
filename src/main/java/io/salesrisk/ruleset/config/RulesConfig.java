package io.salesrisk.ruleset.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where rule files live and how the engine guards against runaway rules. */
@ConfigMapping(prefix = "salesrisk.rules")
public interface RulesConfig {

    /** Folder of DRL files, relative to the working directory or absolute. */
    @WithDefault("rules")
    String drlDir();

    /** Folder of Excel decision tables (.xlsx), relative to the working directory or absolute. */
    @WithDefault("decision-tables")
    String tablesDir();

    /** Rule firings allowed in one evaluation; beyond it the run stops and the order goes to REVIEW. */
    @WithDefault("10000")
    int maxFirings();
}
