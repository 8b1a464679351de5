package io.salesrisk.alert.service;

import io.salesrisk.facts.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which risk signals become alerts. */
@ConfigMapping(prefix = "salesrisk.alerts")
public interface AlertConfig {

    /** Signals of this severity or higher raise an alert (HIGH, MEDIUM, LOW). */
    @WithDefault("HIGH")
    Severity minSeverity();

    /** Whether a signal of the given severity raises an alert. */
    default boolean raises(Severity severity) {
        // Severity is declared from HIGH down to INFO
        return severity.ordinal() <= minSeverity().ordinal();
    }
}
