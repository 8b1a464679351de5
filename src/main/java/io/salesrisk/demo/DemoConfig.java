package io.salesrisk.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data loaded on first start of the embedded default. */
@ConfigMapping(prefix = "salesrisk.demo")
public interface DemoConfig {

    /** Load demo data when the customer table is empty. */
    @WithDefault("false")
    boolean enabled();

    /** How many customers to generate. */
    @WithDefault("400")
    int customers();

    /** Random seed: the same seed and day give the same data. */
    @WithDefault("42")
    long seed();
}
