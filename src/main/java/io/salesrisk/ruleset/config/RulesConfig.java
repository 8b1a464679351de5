package io.salesrisk.ruleset.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where rule files live, how they are deployed and how the engine guards against runaway rules. */
@ConfigMapping(prefix = "salesrisk.rules")
public interface RulesConfig {

    /** Folder of DRL files, relative to the working directory or absolute. */
    @WithDefault("rules")
    String drlDir();

    /** Folder of Excel decision tables (.xlsx); business test scenarios go in its scenarios/ sub-folder. */
    @WithDefault("decision-tables")
    String tablesDir();

    /** Rule firings allowed in one evaluation; beyond it the run stops and the order goes to REVIEW. */
    @WithDefault("10000")
    int maxFirings();

    /**
     * How long one evaluation of the rules may take (an order, a scenario, a replayed decision, one phase of a
     * customer's assessment). A slower run is stopped and reported: the order goes to REVIEW, the scenario fails, the
     * customer becomes a failed item; no request or run waits longer.
     */
    @WithDefault("2s")
    java.time.Duration timeBudget();

    /** Activation needs the approval of a second risk officer who is not the author. */
    @WithDefault("true")
    boolean fourEyes();

    /** How often each instance checks which version the database says is active. */
    @WithDefault("1s")
    String syncInterval();

    /** The watched rule folders. */
    Folder folder();

    /** Limits on uploaded rule sets. */
    Upload upload();

    /** Watching rules/ and decision-tables/ for saved files. */
    interface Folder {

        /** Pick up saved files while running. */
        @WithDefault("true")
        boolean watch();

        /**
         * Activate a folder version that compiles and passes its scenarios without approval (whoever can write to
         * the folder can deploy); when false it stays a candidate for the four-eyes path.
         */
        @WithDefault("true")
        boolean autoActivate();

        /** How long files must stay unchanged before they are compiled, so a half-written file is not. */
        @WithDefault("1000")
        long debounceMillis();
    }

    /** Limits that protect the service from oversized or malicious uploads. */
    interface Upload {

        /** Largest upload in bytes (all parts together). */
        @WithDefault("10485760")
        long maxBytes();

        /** Most files in one upload or zip. */
        @WithDefault("200")
        int maxFiles();

        /** Most bytes a zip may expand to. */
        @WithDefault("52428800")
        long maxUnzippedBytes();
    }
}
