package io.salesrisk.webhook.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.salesrisk.common.InstanceNames;
import io.salesrisk.webhook.persistence.DeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.time.Duration;

/** Starts this instance's webhook loops at startup (unless {@code salesrisk.webhooks.enabled=false}). */
@ApplicationScoped
public class WebhookWorkers {

    private final WebhookInstance.Parts parts;
    private final WebhookConfig config;
    private final DeliveryRepository deliveries;
    private final ManagedExecutor executor;
    private WebhookInstance instance;

    public WebhookWorkers(FanOut fanOut, DeliveryRepository deliveries, DeliverySender sender, DeliveryRecorder recorder,
                          WebhookMetrics metrics, WebhookConfig config, java.time.Clock clock, ManagedExecutor executor) {
        this.parts = new WebhookInstance.Parts(fanOut, deliveries, sender, recorder, metrics, config, clock);
        this.config = config;
        this.deliveries = deliveries;
        this.executor = executor;
    }

    void start(@Observes StartupEvent startup) {
        String name = config.instanceId().orElseGet(InstanceNames::hostAndProcess);
        if (!config.enabled()) {
            Log.infof("webhook delivery off on this instance (%s); other instances deliver", name);
            return;
        }
        Duration needed = config.connectTimeout().plus(config.requestTimeout());
        if (config.lease().compareTo(needed) <= 0) {
            Log.warnf("salesrisk.webhooks.lease (%s) is not longer than connect + request timeout (%s): slow receivers "
                    + "may get a message twice", config.lease(), needed);
        }
        if (config.instanceId().isPresent()) {
            // a stable name: the claims under it are this instance's from before a restart, and nobody works on them
            int released = deliveries.releaseClaimsOf(name);
            if (released > 0) {
                Log.infof("resuming %d webhook deliveries claimed by %s before it restarted", released, name);
            }
        }
        instance = new WebhookInstance(name, parts, executor);
        instance.start();
        Log.infof("webhook fan-out and %d delivery worker(s) started as %s", config.workers(), name);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (instance != null) {
            instance.stop(config.requestTimeout().plus(Duration.ofSeconds(5)));
        }
    }

    /** The parts of an instance, for tests that play further instances against the same database. */
    public WebhookInstance.Parts parts() {
        return parts;
    }
}
