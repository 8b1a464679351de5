package io.salesrisk.alert.service;

import io.salesrisk.facts.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Which risk signals become alerts. */
@ConfigMapping(prefix = "salesrisk.alerts")
public interface AlertConfig {

    /** Signals of this severity or higher raise an alert (HIGH, MEDIUM, LOW). */
    @WithDefault("HIGH")
    Severity minSeverity();

    /** The live alert stream. */
    Stream stream();

    interface Stream {
        /** How often the instance's one reader looks for new outbox events while a stream is open. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** A comment line sent on a quiet stream, so proxies keep it open and dead clients are noticed. */
        @WithDefault("15s")
        Duration heartbeat();

        /**
         * How long a missing sequence number is waited for before the stream steps over it: a slower transaction
         * may still commit it; one that rolled back never will.
         */
        @WithDefault("5s")
        Duration gapWait();
    }

    /** Whether a signal of the given severity raises an alert. */
    default boolean raises(Severity severity) {
        // Severity is declared from HIGH down to INFO
        return severity.ordinal() <= minSeverity().ordinal();
    }
}
