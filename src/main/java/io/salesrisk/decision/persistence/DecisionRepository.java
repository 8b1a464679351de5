package io.salesrisk.decision.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Decisions by id and by order. */
@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<DecisionEntity, UUID> {

    /** Every decision on an order, newest first. */
    public List<DecisionEntity> forOrder(String orderId) {
        return list("orderId = ?1 order by evaluatedAt desc, id desc", orderId);
    }
}
