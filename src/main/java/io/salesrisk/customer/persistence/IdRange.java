package io.salesrisk.customer.persistence;

/** Consecutive customer ids in the database's order, and how many customers of a selection lie between them. */
public record IdRange(String firstId, String lastId, int size) {
}
