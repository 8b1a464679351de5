package io.salesrisk.reevaluation.run;

import java.util.UUID;

/**
 * A chunk claimed by one worker. {@code claimedBy} and {@code attempt} together are the claim's token: only the
 * holder of the latest claim can commit the chunk.
 */
public record ChunkClaim(UUID runId, int chunkNo, String firstId, String lastId, int size, String claimedBy, int attempt) {
}
