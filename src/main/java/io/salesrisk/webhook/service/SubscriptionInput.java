package io.salesrisk.webhook.service;

import java.util.List;

/**
 * A subscription as an officer writes it; on an update, null fields stay as they are.
 *
 * @param eventTypes  alert event types (alert.opened, ...); empty = all
 * @param minSeverity HIGH, MEDIUM, LOW or INFO (the default on create: everything)
 * @param secret      {@code whsec_} + base64 of 24 to 64 bytes; generated on create when absent; cannot be changed
 */
public record SubscriptionInput(String url, List<String> eventTypes, String minSeverity, String secret,
                                String description, Boolean enabled) {
}
