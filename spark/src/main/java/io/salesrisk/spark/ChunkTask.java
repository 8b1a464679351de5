package io.salesrisk.spark;

import java.io.Serializable;
import java.util.UUID;

/**
 * One chunk of a run, as a task takes it: the run's inputs travel as the JSON the service stored them in, and the rule
 * set as its version and content hash, so nothing here needs more than the JDK to serialize.
 */
record ChunkTask(UUID runId, int chunkNo, String firstId, String lastId, RunInput.Stored run, JobDatabase database)
        implements Serializable {
}
