package io.salesrisk.invoice.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A customer's invoices summed up by the database on one day, and what follows from them. Both the order-time
 * credit check and the nightly profile read these columns from {@link ReceivableSql} and derive the same way, so
 * "overdue", "paid on time" and "days late" mean one thing everywhere.
 *
 * @param openReceivables    unpaid part of all invoices
 * @param overdueAmount      unpaid part of invoices past their due date
 * @param oldestOverdueDue   due date of the oldest unpaid overdue invoice, or null
 * @param invoicesDue        invoices due in the payment period
 * @param invoicesPaidOnTime of those, paid in full by their due date
 * @param totalDaysLate      days late summed over invoices due in the period (unpaid ones count until the as-of day)
 * @param creditSales        invoiced amount issued in the period
 */
public record ReceivableFigures(BigDecimal openReceivables, BigDecimal overdueAmount, LocalDate oldestOverdueDue,
                                long invoicesDue, long invoicesPaidOnTime, long totalDaysLate, BigDecimal creditSales) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** Reads the columns {@link ReceivableSql#figures} selects. */
    public static ReceivableFigures read(ResultSet row) throws SQLException {
        Date oldest = row.getDate("oldest_overdue_due");
        return new ReceivableFigures(money(row, "open_receivables"), money(row, "overdue_amount"),
                oldest == null ? null : oldest.toLocalDate(), row.getLong("invoices_due"), row.getLong("paid_on_time"),
                row.getLong("days_late"), money(row, "credit_sales"));
    }

    /** Days the oldest overdue invoice is past due on {@code asOf}; 0 when nothing is overdue. */
    public int oldestOverdueDays(LocalDate asOf) {
        return oldestOverdueDue == null ? 0 : (int) ChronoUnit.DAYS.between(oldestOverdueDue, asOf);
    }

    /** Share of the period's due invoices paid in full on time, in %; 100 when none was due. */
    public BigDecimal onTimePercent() {
        return invoicesDue == 0 ? HUNDRED : BigDecimal.valueOf(invoicesPaidOnTime).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(invoicesDue), 2, RoundingMode.HALF_UP);
    }

    /** Days late per invoice due in the period; 0 when none was due. */
    public BigDecimal averageDaysLate() {
        return average(totalDaysLate, invoicesDue);
    }

    /** DSO = receivables ÷ credit sales × days in the period; 0 without credit sales. */
    public BigDecimal dsoDays(long periodDays) {
        return creditSales.signum() <= 0 ? BigDecimal.ZERO : openReceivables.multiply(BigDecimal.valueOf(periodDays))
                .divide(creditSales, 2, RoundingMode.HALF_UP);
    }

    /** {@code total ÷ count} to cents; 0 for no items. */
    public static BigDecimal average(long total, long count) {
        return count == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }
}
