package io.salesrisk.imports.service;

/**
 * What an import wrote.
 *
 * @param kind    customers, invoices, orders or sales-history
 * @param rows    data lines read
 * @param created rows that did not exist before
 * @param updated rows that replaced existing ones
 */
public record ImportResult(String kind, int rows, int created, int updated) {
}
