package io.salesrisk.alert.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored alert. {@code values} are the figures behind it, as stored; {@code closeNote} says why it was closed when
 * the system closed it (a KPI back within its threshold).
 */
public record AlertRecord(UUID id, String type, String subjectType, String subjectId, String owner, UUID runId,
                          String severity, String status, String message, Object values, OffsetDateTime firstSeen,
                          OffsetDateTime lastSeen, int occurrences, OffsetDateTime closedAt, String closedBy,
                          String closeNote) {
}
