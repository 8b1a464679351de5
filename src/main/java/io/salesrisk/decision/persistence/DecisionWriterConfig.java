package io.salesrisk.decision.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How decisions are written: many evaluations share one transaction (group commit). */
@ConfigMapping(prefix = "salesrisk.decisions.writer")
public interface DecisionWriterConfig {

    /** Writer threads, each with its own connection and transaction. */
    @WithDefault("2")
    int threads();

    /** Most evaluations written in one transaction. */
    @WithDefault("200")
    int maxBatch();

    /** Evaluations waiting to be written before new ones are refused (back-pressure). */
    @WithDefault("10000")
    int queueCapacity();
}
