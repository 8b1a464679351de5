package io.salesrisk.order.persistence;

/**
 * The one definition of which orders count in a customer's credit exposure, as SQL over {@code sales_orders} (alias
 * {@code o}): approved and delivering within the horizon ({@code :horizonEnd}) or without a delivery date. Used by
 * the order-time credit figures and the re-evaluation profile.
 */
public final class OpenOrderSql {

    public static final String COUNTS_IN_EXPOSURE = "o.status IN ('APPROVED', 'RELEASED') AND (o.requested_delivery_date IS NULL "
            + "OR o.requested_delivery_date <= :horizonEnd)";

    private OpenOrderSql() {
    }
}
