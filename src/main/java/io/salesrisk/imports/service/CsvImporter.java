package io.salesrisk.imports.service;

/** Imports one kind of CSV file, all or nothing. */
public interface CsvImporter {

    /** The kind in the URL: customers, invoices, orders or sales-history. */
    String kind();

    /**
     * Validates every line, then writes all of them in one transaction.
     *
     * @throws io.salesrisk.common.problem.InvalidInputException listing every bad line and column; nothing is written
     */
    ImportResult importCsv(String csv);
}
