package io.salesrisk.webhook.service;

import io.salesrisk.alert.service.AlertEvents;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.facts.Severity;
import io.salesrisk.outbox.OutboxRepository;
import io.salesrisk.webhook.persistence.Delivery;
import io.salesrisk.webhook.persistence.DeliveryRepository;
import io.salesrisk.webhook.persistence.DeliveryStatus;
import io.salesrisk.webhook.persistence.Subscription;
import io.salesrisk.webhook.persistence.SubscriptionEntity;
import io.salesrisk.webhook.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Webhook subscriptions (checked URL, event types, minimum severity, secret) and their delivery log with replay.
 * A new subscription receives the events appended after it was created.
 */
@ApplicationScoped
public class WebhookService {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;
    private static final String SEVERITIES = Arrays.toString(Severity.values());

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final OutboxRepository outbox;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, OutboxRepository outbox,
                          WebhookConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Creates a subscription; the returned record carries the secret, the only time it is shown. */
    @Transactional
    public Subscription create(SubscriptionInput input, String user) {
        List<ProblemDetail> errors = new ArrayList<>();
        String url = checkUrl(input.url(), errors);
        List<String> types = checkTypes(input.eventTypes(), errors);
        Severity severity = input.minSeverity() == null ? Severity.INFO : checkSeverity(input.minSeverity(), errors);
        String secret = input.secret() == null || input.secret().isBlank() ? WebhookSigner.newSecret() : input.secret().strip();
        if (WebhookSigner.key(secret) == null) {
            errors.add(ProblemDetail.field("secret", "secret must be whsec_ followed by the base64 of 24 to 64 random bytes;"
                    + " leave it out to have one generated"));
        }
        String description = checkDescription(input.description(), errors);
        refuse(errors);
        OffsetDateTime now = OffsetDateTime.now(clock);
        SubscriptionEntity entity = new SubscriptionEntity();
        entity.id = UUID.randomUUID();
        entity.url = url;
        entity.eventTypes = String.join(",", types);
        entity.minSeverity = severity.name();
        entity.secret = secret;
        entity.description = description;
        entity.enabled = input.enabled() == null || input.enabled();
        entity.fromSeq = outbox.lastSeq();
        entity.createdBy = user;
        entity.createdAt = now;
        entity.updatedAt = now;
        if (!entity.enabled) {
            entity.disabledAt = now;
            entity.disabledReason = "created disabled by " + user;
        }
        return subscriptions.create(entity);
    }

    @Transactional
    public List<Subscription> list() {
        return subscriptions.all();
    }

    @Transactional
    public Subscription get(UUID id) {
        return subscriptions.get(id).orElseThrow(() -> missing(id));
    }

    /** Changes the given fields; enabling again clears the reason it was disabled and its run of failures. */
    @Transactional
    public Subscription update(UUID id, SubscriptionInput input, String user) {
        SubscriptionEntity entity = subscriptions.forUpdate(id).orElseThrow(() -> missing(id));
        List<ProblemDetail> errors = new ArrayList<>();
        String url = input.url() == null ? entity.url : checkUrl(input.url(), errors);
        List<String> types = input.eventTypes() == null ? null : checkTypes(input.eventTypes(), errors);
        Severity severity = input.minSeverity() == null ? null : checkSeverity(input.minSeverity(), errors);
        if (input.secret() != null) {
            errors.add(ProblemDetail.field("secret", "the secret cannot be changed; create a new subscription and delete this one"));
        }
        String description = input.description() == null ? entity.description : checkDescription(input.description(), errors);
        refuse(errors);
        OffsetDateTime now = OffsetDateTime.now(clock);
        entity.url = url;
        if (types != null) {
            entity.eventTypes = String.join(",", types);
        }
        if (severity != null) {
            entity.minSeverity = severity.name();
        }
        entity.description = description;
        if (input.enabled() != null && input.enabled() != entity.enabled) {
            entity.enabled = input.enabled();
            entity.disabledAt = entity.enabled ? null : now;
            entity.disabledReason = entity.enabled ? null : "disabled by " + user;
            entity.failingSince = null;
        }
        entity.updatedAt = now;
        return SubscriptionRepository.record(entity);
    }

    /** Deletes the subscription and its delivery log. */
    @Transactional
    public void delete(UUID id) {
        if (!subscriptions.remove(id)) {
            throw missing(id);
        }
    }

    /** A page of the delivery log, newest event first. */
    @Transactional
    public List<Delivery> deliveries(UUID id, String status, int limit, int offset) {
        get(id);
        return deliveries.list(id, status(status), limit, offset);
    }

    /** Sends one delivery again (now, same webhook-id, fresh retry schedule). */
    @Transactional
    public Delivery replay(UUID id, UUID deliveryId) {
        get(id);
        deliveries.get(id, deliveryId).orElseThrow(() ->
                new NotFoundException(null, "delivery " + deliveryId + " of webhook " + id + " does not exist"));
        if (deliveries.replay(id, deliveryId, null, null, null, OffsetDateTime.now(clock)) == 0) {
            throw new ConflictException("deliveryId", "delivery " + deliveryId + " is being attempted right now; replay it after the attempt");
        }
        return deliveries.get(id, deliveryId).orElseThrow();
    }

    /** Sends again every delivery of a status and/or of events in [from, to); returns how many. */
    @Transactional
    public int replay(UUID id, String status, OffsetDateTime from, OffsetDateTime to) {
        get(id);
        DeliveryStatus wanted = status(status);
        if (wanted == null && from == null && to == null) {
            throw InvalidInputException.field("status", "say which deliveries to replay: a status (e.g. FAILED), and/or"
                    + " from and to (event times)");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidInputException.field("to", "to must be after from");
        }
        return deliveries.replay(id, null, wanted, from, to, OffsetDateTime.now(clock));
    }

    private String checkUrl(String url, List<ProblemDetail> errors) {
        List<String> allowed = config.allowedUrlPrefixes().orElse(List.of());
        String text = url == null ? "" : url.strip();
        String problem = null;
        if (text.isEmpty()) {
            problem = "url is required";
        } else if (text.length() > MAX_URL) {
            problem = "url is longer than " + MAX_URL + " characters";
        } else {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    problem = "url must be http or https";
                } else if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
                    problem = "url must name a host, without user info or fragment";
                }
            } catch (URISyntaxException e) {
                problem = "url is not a URL: " + e.getReason();
            }
        }
        if (problem != null) {
            problem += "; allowed prefixes: " + allowed;
        } else if (allowed.stream().noneMatch(text::startsWith)) {
            problem = allowed.isEmpty()
                    ? "no receiving URL is allowed: configure salesrisk.webhooks.allowed-url-prefixes"
                    : "url must start with one of the allowed prefixes " + allowed + " (salesrisk.webhooks.allowed-url-prefixes)";
        }
        if (problem != null) {
            errors.add(ProblemDetail.field("url", problem));
        }
        return text;
    }

    private static List<String> checkTypes(List<String> types, List<ProblemDetail> errors) {
        if (types == null) {
            return List.of();
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i) == null ? "" : types.get(i).strip();
            if (!AlertEvents.TYPES.contains(type)) {
                errors.add(ProblemDetail.field("eventTypes[" + i + "]", "unknown event type '" + type + "'; known: "
                        + AlertEvents.TYPES + " (none = all)"));
            } else if (!checked.contains(type)) {
                checked.add(type);
            }
        }
        return checked;
    }

    private static Severity checkSeverity(String severity, List<ProblemDetail> errors) {
        try {
            return Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(ProblemDetail.field("minSeverity", "minSeverity must be one of " + SEVERITIES + ", not '" + severity + "'"));
            return null;
        }
    }

    private static String checkDescription(String description, List<ProblemDetail> errors) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(ProblemDetail.field("description", "description is longer than " + MAX_DESCRIPTION + " characters"));
        }
        return description == null || description.isBlank() ? null : description.strip();
    }

    private static void refuse(List<ProblemDetail> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() == 1 ? errors.get(0).message()
                    : errors.size() + " problems in the webhook subscription", errors);
        }
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("status", "status must be one of " + Arrays.toString(DeliveryStatus.values())
                    + ", not '" + status + "'");
        }
    }

    private static NotFoundException missing(UUID id) {
        return new NotFoundException(null, "webhook " + id + " does not exist");
    }
}
