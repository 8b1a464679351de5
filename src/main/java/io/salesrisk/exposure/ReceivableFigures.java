package io.salesrisk.exposure;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's invoices summed up by the database on one day.
 *
 * @param openReceivables    unpaid part of all invoices
 * @param overdueAmount      unpaid part of invoices past their due date
 * @param oldestOverdueDue   due date of the oldest unpaid overdue invoice, or null
 * @param invoicesDue        invoices due in the payment period
 * @param invoicesPaidOnTime of those, paid in full by their due date
 * @param totalDaysLate      days late summed over invoices due in the period (unpaid ones count until today)
 * @param creditSales        invoiced amount issued in the period
 */
public record ReceivableFigures(BigDecimal openReceivables, BigDecimal overdueAmount, LocalDate oldestOverdueDue,
                                long invoicesDue, long invoicesPaidOnTime, long totalDaysLate, BigDecimal creditSales) {
}
