package io.salesrisk.webhook.rest;

import java.time.OffsetDateTime;

/** Which deliveries of a subscription to send again: a status, and/or events created in [from, to). */
public record ReplayRequest(String status, OffsetDateTime from, OffsetDateTime to) {
}
