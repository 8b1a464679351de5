package io.salesrisk.orderflow.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The one owner of {@code order_events}. */
@ApplicationScoped
public class OrderEventRepository implements PanacheRepositoryBase<OrderEventEntity, String> {

    /** The order's latest event by the time it happened. */
    public Optional<OrderEventEntity> latest(String orderId) {
        return find("orderId = ?1 order by occurredAt desc", orderId).firstResultOptional();
    }

    public List<OrderEventEntity> forOrder(String orderId) {
        return list("orderId = ?1 order by occurredAt, receivedAt", orderId);
    }
}
