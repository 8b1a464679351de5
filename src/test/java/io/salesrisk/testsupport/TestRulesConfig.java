package io.salesrisk.testsupport;

import io.salesrisk.ruleset.config.RulesConfig;

import java.nio.file.Path;

/** Rule configuration for tests that build the lifecycle without Quarkus. */
public record TestRulesConfig(Path drl, Path tables, boolean fourEyes, boolean autoActivate) implements RulesConfig {

    @Override
    public String drlDir() {
        return drl.toString();
    }

    @Override
    public String tablesDir() {
        return tables.toString();
    }

    @Override
    public int maxFirings() {
        return 1000;
    }

    @Override
    public java.time.Duration timeBudget() {
        return java.time.Duration.ofSeconds(2);
    }

    @Override
    public String syncInterval() {
        return "1s";
    }

    @Override
    public Folder folder() {
        return new Folder() {
            public boolean watch() {
                return true;
            }

            public boolean autoActivate() {
                return autoActivate;
            }

            public long debounceMillis() {
                return 0;
            }
        };
    }

    @Override
    public Upload upload() {
        return new Upload() {
            public long maxBytes() {
                return 10_485_760;
            }

            public int maxFiles() {
                return 200;
            }

            public long maxUnzippedBytes() {
                return 52_428_800;
            }
        };
    }
}
