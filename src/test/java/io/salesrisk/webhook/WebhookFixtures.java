package io.salesrisk.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.facts.Severity;
import io.salesrisk.webhook.service.WebhookInstance;
import io.salesrisk.webhook.service.WebhookWorkers;
import io.restassured.path.json.JsonPath;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.salesrisk.testsupport.Api.riskOfficer;

/**
 * What the webhook tests share: subscriptions made through the API (deleted afterwards), alerts raised through
 * AlertService in their own transactions, webhook instances with their own threads (the test profile starts none),
 * and the receiver's side of the signature check.
 */
final class WebhookFixtures implements AutoCloseable {

    /** A subscription as created: its id and its secret. */
    record Created(String id, String secret) {
    }

    private final AlertService alerts;
    private final WebhookWorkers workers;
    private final List<String> subscriptions = new ArrayList<>();
    private final List<WebhookInstance> instances = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();

    WebhookFixtures(AlertService alerts, WebhookWorkers workers) {
        this.alerts = alerts;
        this.workers = workers;
    }

    /** Creates a subscription to all alert events of any severity. */
    Created subscribe(String url) {
        return subscribeWith("""
                {"url": "%s", "description": "test receiver"}""".formatted(url));
    }

    Created subscribeWith(String body) {
        JsonPath created = riskOfficer().body(body).post("/api/webhooks").then().statusCode(201).extract().jsonPath();
        subscriptions.add(created.getString("id"));
        return new Created(created.getString("id"), created.getString("secret"));
    }

    /** Raises {@code count} HIGH alerts of the type (one subject each) in one transaction. */
    void raise(String type, int count) {
        List<NewAlert> batch = IntStream.range(0, count).mapToObj(i -> new NewAlert(type, "CUSTOMER", "C-" + i, null,
                Severity.HIGH, "test alert " + i, Map.of("n", i), null)).toList();
        QuarkusTransaction.requiringNew().run(() -> alerts.raise(batch, OffsetDateTime.now()));
    }

    /** Starts a webhook instance (fan-out and delivery loops) under the name, on threads of its own. */
    WebhookInstance start(String name) {
        ExecutorService pool = Executors.newCachedThreadPool();
        WebhookInstance instance = new WebhookInstance(name, workers.parts(), pool);
        instance.start();
        instances.add(instance);
        pools.add(pool);
        return instance;
    }

    /** An instance that is never started: a test drives it step by step (or lets it die after a claim). */
    WebhookInstance idle(String name) {
        return new WebhookInstance(name, workers.parts(), Runnable::run);
    }

    static String signature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Stops the instances and deletes the subscriptions (and so their deliveries). */
    @Override
    public void close() {
        instances.forEach(instance -> instance.stop(java.time.Duration.ofSeconds(10)));
        pools.forEach(ExecutorService::shutdownNow);
        subscriptions.forEach(id -> riskOfficer().delete("/api/webhooks/" + id));
    }
}
