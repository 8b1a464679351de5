package io.salesrisk.webhook.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How alerts reach webhook subscribers: fan-out, delivery workers, retries and the URLs subscribers may use. */
@ConfigMapping(prefix = "salesrisk.webhooks")
public interface WebhookConfig {

    /** Whether this instance fans out and delivers; off, other instances do (subscriptions can still be managed). */
    @WithDefault("true")
    boolean enabled();

    /** How often an idle fan-out or delivery loop looks for work. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Outbox events read per fan-out step, and deliveries claimed per worker step. */
    @WithDefault("100")
    int batchSize();

    /** Delivery threads of this instance; each sends its claimed batch concurrently. */
    @WithDefault("2")
    int workers();

    /** A claimed delivery not recorded within this time is taken over by another worker (its claimer died). */
    @WithDefault("2m")
    Duration lease();

    /** Time to open the connection to a receiver. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time for the receiver to answer, after which the attempt counts as failed. */
    @WithDefault("15s")
    Duration requestTimeout();

    /** Delays before the 2nd, 3rd, ... attempt (±20 % jitter); when used up, the delivery is FAILED. */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** A subscription whose deliveries fail without a success for this long is disabled and raises an alert. */
    @WithDefault("24h")
    Duration disableAfter();

    /**
     * How long the fan-out waits for a gap in the outbox sequence (a transaction that took a seq and has not committed
     * yet) before it reads past it; a rolled-back transaction leaves a gap for ever.
     */
    @WithDefault("5s")
    Duration gapWait();

    /**
     * How long a seq the fan-out read past is watched for: an event that commits later than the gap wait but within
     * this window is still fanned out; after it, the gap counts as a rollback.
     */
    @WithDefault("1h")
    Duration lateCommitWindow();

    /**
     * URL prefixes a subscription's URL must start with (e.g. {@code https://hooks.example.com/}); unset, no
     * subscription can be created, so that nobody points the service at an internal address by accident.
     */
    Optional<List<String>> allowedUrlPrefixes();

    /** This instance's name in delivery claims; defaults to host name and process id. */
    Optional<String> instanceId();
}
