package io.salesrisk.decision.service;

import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.decision.persistence.DecisionEntity;
import io.salesrisk.decision.persistence.DecisionRepository;
import io.salesrisk.order.persistence.CustomerOrder;
import io.salesrisk.order.persistence.SalesOrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads stored decisions, for credit managers, auditors, explanations and replays. */
@ApplicationScoped
public class DecisionService {

    private final DecisionRepository decisions;
    private final SalesOrderRepository orders;
    private final DecisionJson json;

    public DecisionService(DecisionRepository decisions, SalesOrderRepository orders, DecisionJson json) {
        this.decisions = decisions;
        this.orders = orders;
        this.json = json;
    }

    /** One decision with its fact snapshot and fired rules. */
    @Transactional
    public Optional<DecisionRecord> find(UUID id) {
        return decisions.findByIdOptional(id).map(d -> record(d, true));
    }

    /** Decisions by outcome (APPROVE, REVIEW, BLOCK) taken from {@code since} on. */
    @Transactional
    public java.util.Map<String, Long> outcomesSince(java.time.OffsetDateTime since) {
        return decisions.outcomesSince(since);
    }

    /** A page of a customer's orders, newest first, with the outcome of each one's latest decision. */
    public record CustomerOrders(List<CustomerOrder> orders, long total) {
    }

    /** A customer's orders, newest first, {@code limit} (1..200) from {@code offset}, with their latest outcomes. */
    @Transactional
    public CustomerOrders ordersOfCustomer(String customerId, int limit, int offset) {
        return new CustomerOrders(orders.ofCustomer(customerId, Math.max(1, Math.min(200, limit)), Math.max(0, offset)),
                orders.countOfCustomer(customerId));
    }

    /** Every decision taken on an order, newest first. */
    @Transactional
    public List<DecisionRecord> forOrder(String orderId) {
        if (orders.findById(orderId) == null) {
            throw new NotFoundException(null, "order " + orderId + " does not exist");
        }
        return decisions.forOrder(orderId).stream().map(d -> record(d, false)).toList();
    }

    /** The fact snapshots of some decisions (a worklist page), by decision id. */
    @Transactional
    public java.util.Map<UUID, io.salesrisk.ordercheck.OrderFacts> factsOf(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, io.salesrisk.ordercheck.OrderFacts> facts = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            decisions.list("id in ?1", List.copyOf(ids)).forEach(d -> facts.put(d.id, json.facts(d.facts)));
        }
        return facts;
    }

    private DecisionRecord record(DecisionEntity d, boolean firedRules) {
        return new DecisionRecord(d.id, d.orderId, d.customerId, d.outcome, json.strings(d.conditions), json.reasons(d.reasons),
                json.facts(d.facts), firedRules ? json.strings(d.firedRules) : null, d.rulesetVersion, d.evaluatedAt,
                d.evaluatedBy);
    }
}
