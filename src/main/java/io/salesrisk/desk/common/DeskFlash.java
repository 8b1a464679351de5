package io.salesrisk.desk.common;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages carried across the redirect after a desk action (post, redirect, get), so that reloading the page never
 * repeats the action. Kept in memory for two minutes and readable once, only by the user who acted; a message lost
 * on a restart or on another instance only means the page shows no message (the action's result is in the history).
 */
@ApplicationScoped
public class DeskFlash {

    private static final Duration KEPT = Duration.ofMinutes(2);
    private static final int MAX_KEPT = 10_000;

    private record Entry(String user, List<DeskMessage> messages, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Keeps the messages and returns the token for the redirect's {@code flash} query parameter. */
    public String put(String user, List<DeskMessage> messages) {
        Instant now = Instant.now();
        if (entries.size() > MAX_KEPT) {
            entries.values().removeIf(e -> e.until().isBefore(now));
        }
        String token = UUID.randomUUID().toString();
        entries.put(token, new Entry(user, List.copyOf(messages), now.plus(KEPT)));
        return token;
    }

    public List<DeskMessage> take(String user, String token) {
        if (token == null) {
            return List.of();
        }
        Entry entry = entries.remove(token);
        if (entry == null || !entry.user().equals(user) || entry.until().isBefore(Instant.now())) {
            return List.of();
        }
        return entry.messages();
    }
}
