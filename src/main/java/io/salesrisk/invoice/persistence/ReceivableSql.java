package io.salesrisk.invoice.persistence;

import io.salesrisk.common.persistence.SqlDialect;

/**
 * The one definition of what an invoice means for credit, as SQL over the {@code invoices} table (alias {@code i}):
 * open, overdue, paid on time, days late. The order-time credit figures and the re-evaluation profile both select
 * {@link #figures}, with the named parameters {@code :asOf} and {@code :periodStart}, and read them with
 * {@link ReceivableFigures#read}.
 */
public final class ReceivableSql {

    /** The unpaid part of an invoice. */
    public static final String OPEN = "CASE WHEN i.paid_amount < i.amount THEN i.amount - i.paid_amount ELSE 0 END";
    /** Unpaid and past its due date on the as-of day. */
    public static final String OVERDUE = "i.paid_amount < i.amount AND i.due_date < :asOf";
    /** Paid in full by its due date. */
    public static final String PAID_ON_TIME = "i.paid_amount >= i.amount AND i.paid_date <= i.due_date";

    private ReceivableSql() {
    }

    /** Due in the period from {@code :from} up to the as-of day (exclusive), for payment behaviour. */
    public static String dueBetween(String from) {
        return "i.due_date >= " + from + " AND i.due_date < :asOf";
    }

    /** Days late of an invoice: paid in full late, until it was paid; not paid in full, until the as-of day. */
    public static String daysLate(SqlDialect dialect) {
        return "CASE WHEN i.paid_amount >= i.amount AND i.paid_date IS NOT NULL THEN CASE WHEN i.paid_date > i.due_date THEN "
                + dialect.daysBetween("i.due_date", "i.paid_date") + " ELSE 0 END ELSE "
                + dialect.daysBetween("i.due_date", "CAST(:asOf AS DATE)") + " END";
    }

    /** The aggregate columns {@link ReceivableFigures#read} reads, over the invoices of one customer per group. */
    public static String figures(SqlDialect dialect) {
        return String.join(",\n", "COALESCE(SUM(" + OPEN + "), 0) AS open_receivables",
                "COALESCE(SUM(CASE WHEN " + OVERDUE + " THEN i.amount - i.paid_amount ELSE 0 END), 0) AS overdue_amount",
                "MIN(CASE WHEN " + OVERDUE + " THEN i.due_date END) AS oldest_overdue_due",
                "COALESCE(SUM(CASE WHEN " + dueBetween(":periodStart") + " THEN 1 ELSE 0 END), 0) AS invoices_due",
                "COALESCE(SUM(CASE WHEN " + dueBetween(":periodStart") + " AND " + PAID_ON_TIME + " THEN 1 ELSE 0 END), 0) AS paid_on_time",
                "COALESCE(SUM(CASE WHEN " + dueBetween(":periodStart") + " THEN " + daysLate(dialect) + " ELSE 0 END), 0) AS days_late",
                "COALESCE(SUM(CASE WHEN i.issue_date >= :periodStart AND i.issue_date <= :asOf THEN i.amount ELSE 0 END), 0) AS credit_sales");
    }
}
