package io.salesrisk.reevaluation.run;

/** The id range of one chunk and how many customers of the scope it holds. */
public record ChunkBounds(String firstId, String lastId, int size) {
}
