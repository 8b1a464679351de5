package io.salesrisk.orderflow.service;

/** What the CRM/ERP tells about an order after its evaluation. */
public enum OrderEventType {
    /** The amount or the requested delivery date changed: the order is evaluated again. */
    CHANGED,
    /** The ERP approved the order (only an order that is not held). */
    APPROVED,
    /** Shipped: leaves the open orders of the exposure. */
    SHIPPED,
    /** Invoiced: its amount is now in the receivables. */
    INVOICED,
    /** Paid. */
    PAID,
    /** Cancelled: leaves the exposure; an open hold closes. */
    CANCELLED
}
