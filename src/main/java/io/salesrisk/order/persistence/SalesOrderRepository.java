package io.salesrisk.order.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Sales orders by id. */
@ApplicationScoped
public class SalesOrderRepository implements PanacheRepositoryBase<SalesOrderEntity, String> {

    /** Marks an order invoiced once an invoice references it; unknown order ids are ignored. */
    public void markInvoiced(String orderId) {
        update("status = ?1 where id = ?2 and status <> ?1", OrderStatus.INVOICED, orderId);
    }
}
