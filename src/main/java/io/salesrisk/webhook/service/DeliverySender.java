package io.salesrisk.webhook.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesrisk.webhook.persistence.AttemptResult;
import io.salesrisk.webhook.persistence.ClaimedDelivery;
import io.salesrisk.webhook.persistence.DeliveryStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends claimed deliveries as Standard Webhooks messages, all of a batch at once, and says what each attempt came
 * to. Redirects are never followed: a receiver answering 3xx has moved, and an officer must change the URL.
 */
@ApplicationScoped
public class DeliverySender {

    /** A 2xx answer. */
    static final String DELIVERED = "delivered";

    private final WebhookConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RetryPolicy retries;
    private final ExecutorService httpThreads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "webhook-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    public DeliverySender(WebhookConfig config, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        this.retries = new RetryPolicy(config.retrySchedule(), config.disableAfter());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout()).executor(httpThreads).build();
    }

    @PreDestroy
    void close() {
        httpThreads.shutdownNow();
    }

    /** Sends every delivery and waits for all answers (each bounded by the connect and request timeouts). */
    public List<AttemptResult> send(List<ClaimedDelivery> claimed) {
        List<CompletableFuture<AttemptResult>> attempts = claimed.stream().map(this::send).toList();
        return attempts.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<AttemptResult> send(ClaimedDelivery delivery) {
        HttpRequest request;
        try {
            String body = body(delivery);
            long timestamp = clock.instant().getEpochSecond();
            String id = delivery.eventId().toString();
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSigner.sign(delivery.secret(), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(delivery, null, null, "cannot send: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null ? answered(delivery, response)
                        : failed(delivery, null, null, describe(error)));
    }

    /** {"type", "timestamp" (the event's time), "data" (the alert)}. */
    private String body(ClaimedDelivery delivery) {
        try {
            ObjectNode body = mapper.createObjectNode();
            body.put("type", delivery.eventType());
            body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(delivery.eventCreatedAt()));
            body.set("data", mapper.readTree(delivery.payload()));
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("event " + delivery.eventId() + " has no readable payload", e);
        }
    }

    private AttemptResult answered(ClaimedDelivery delivery, HttpResponse<Void> response) {
        int status = response.statusCode();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (status >= 200 && status < 300) {
            return new AttemptResult(delivery, DeliveryStatus.DELIVERED, status, null, now, null);
        }
        if (status == 410) {
            return new AttemptResult(delivery, DeliveryStatus.FAILED, status, "receiver answered 410 Gone", now, null);
        }
        String error = status >= 300 && status < 400
                ? "receiver answered " + status + " (redirect to " + response.headers().firstValue("Location").orElse("?")
                + " not followed; change the subscription's URL)"
                : "receiver answered " + status;
        return failed(delivery, status, response.headers().firstValue("Retry-After").orElse(null), error);
    }

    private AttemptResult failed(ClaimedDelivery delivery, Integer status, String retryAfter, String error) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return retries.next(delivery.attempts() + 1, retryAfter, now)
                .map(next -> new AttemptResult(delivery, DeliveryStatus.PENDING, status, error, now, next))
                .orElseGet(() -> new AttemptResult(delivery, DeliveryStatus.FAILED, status,
                        error + "; given up after " + (delivery.attempts() + 1) + " attempts", now, null));
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within " + config.connectTimeout().toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + config.requestTimeout().toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return "connection failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }
}
