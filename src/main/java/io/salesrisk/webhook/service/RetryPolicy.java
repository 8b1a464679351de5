package io.salesrisk.webhook.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: the configured schedule with ±20 % jitter (so receivers coming back are
 * not hit by every retry at once), or later when the receiver asked for it with {@code Retry-After}.
 */
final class RetryPolicy {

    private static final double JITTER = 0.2;

    private final List<Duration> schedule;
    private final Duration longestWait;

    /** @param longestWait a Retry-After longer than this is cut to it (a receiver cannot park a delivery for years) */
    RetryPolicy(List<Duration> schedule, Duration longestWait) {
        this.schedule = List.copyOf(schedule);
        this.longestWait = longestWait;
    }

    /**
     * The next attempt after {@code attemptsMade} failed attempts, or empty when the schedule is used up.
     *
     * @param retryAfter the receiver's Retry-After header, or null
     */
    Optional<OffsetDateTime> next(int attemptsMade, String retryAfter, OffsetDateTime now) {
        if (attemptsMade > schedule.size()) {
            return Optional.empty();
        }
        Duration planned = schedule.get(attemptsMade - 1);
        long jittered = Math.round(planned.toMillis() * (1 - JITTER + 2 * JITTER * ThreadLocalRandom.current().nextDouble()));
        Duration wait = Duration.ofMillis(jittered);
        Duration asked = retryAfter(retryAfter, now);
        if (asked.compareTo(wait) > 0) {
            wait = asked.compareTo(longestWait) > 0 ? longestWait : asked;
        }
        return Optional.of(now.plus(wait));
    }

    /** Retry-After as delay-seconds or an HTTP date; zero when absent or unreadable. */
    static Duration retryAfter(String header, OffsetDateTime now) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
    }
}
