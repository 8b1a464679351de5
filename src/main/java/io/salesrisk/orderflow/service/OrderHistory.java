package io.salesrisk.orderflow.service;

import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.decision.service.DecisionRecord;
import io.salesrisk.decision.service.DecisionService;
import io.salesrisk.hold.persistence.HoldActionEntity;
import io.salesrisk.hold.persistence.HoldEntity;
import io.salesrisk.hold.persistence.HoldRepository;
import io.salesrisk.order.persistence.SalesOrderEntity;
import io.salesrisk.order.persistence.SalesOrderRepository;
import io.salesrisk.orderflow.persistence.OrderEventEntity;
import io.salesrisk.orderflow.persistence.OrderEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An order with everything that happened to it: decisions, holds, officers' actions and lifecycle events. */
@ApplicationScoped
public class OrderHistory {

    public record View(Order order, List<Entry> timeline, List<Hold> holds) {
    }

    public record Order(String id, String customerId, BigDecimal amount, String currency, BigDecimal originalAmount,
                        LocalDate orderDate, int paymentTermsDays, BigDecimal discountPercent, boolean contractSigned,
                        String salesRep, String enteredBy, LocalDate requestedDeliveryDate, String status,
                        String lastDecisionId, OffsetDateTime updatedAt) {
    }

    /**
     * One thing that happened, in time order.
     *
     * @param kind DECISION, HOLD_OPENED, ACTION or EVENT
     * @param what the outcome, the action or the event type
     */
    public record Entry(OffsetDateTime at, String kind, String what, String by, String reasonCode, String comment,
                        String details, String reference) {
    }

    public record Hold(String id, String status, String outcome, List<String> holdingRules, BigDecimal amount,
                       BigDecimal amountOverLimit, OffsetDateTime openedAt, String assignedTo, LocalDate followUpDate,
                       boolean readyToRelease, String firstApprover, OffsetDateTime closedAt, String closedBy,
                       String resolutionCode, String releaseConditions, LocalDate releaseValidUntil, boolean rehold) {
    }

    private final SalesOrderRepository orders;
    private final DecisionService decisions;
    private final HoldRepository holds;
    private final OrderEventRepository events;

    public OrderHistory(SalesOrderRepository orders, DecisionService decisions, HoldRepository holds,
                        OrderEventRepository events) {
        this.orders = orders;
        this.decisions = decisions;
        this.holds = holds;
        this.events = events;
    }

    @Transactional
    public View of(String orderId) {
        SalesOrderEntity o = orders.findByIdOptional(orderId)
                .orElseThrow(() -> new NotFoundException("orderId", "order " + orderId + " does not exist"));
        List<Entry> timeline = new ArrayList<>();
        for (DecisionRecord d : decisions.forOrder(orderId)) {
            timeline.add(new Entry(d.evaluatedAt(), "DECISION", d.outcome(), d.evaluatedBy(), null, null,
                    String.join("; ", d.reasons().stream().map(r -> r.rule() + ": " + r.message()).toList()),
                    "/api/decisions/" + d.id()));
        }
        List<Hold> holdViews = new ArrayList<>();
        for (HoldEntity h : holds.forOrder(orderId)) {
            timeline.add(new Entry(h.openedAt, "HOLD_OPENED", h.outcome, null, null, null,
                    "held by " + String.join(", ", rules(h.holdingRules)) + (h.rehold ? " (held again after a release)" : ""),
                    "/api/decisions/" + h.decisionId));
            holdViews.add(new Hold(h.id.toString(), h.status.name(), h.outcome, rules(h.holdingRules), h.amount,
                    h.amountOverLimit, h.openedAt, h.assignedTo, h.followUpDate, h.readyToRelease, h.firstApprover,
                    h.closedAt, h.closedBy, h.resolutionCode, h.releaseConditions, h.releaseValidUntil, h.rehold));
        }
        for (HoldActionEntity a : holds.actionsForOrder(orderId)) {
            timeline.add(new Entry(a.actedAt, "ACTION", a.action, a.actor, a.reasonCode, a.comment, a.details, null));
        }
        for (OrderEventEntity e : events.forOrder(orderId)) {
            timeline.add(new Entry(e.occurredAt, "EVENT", e.type, e.receivedBy, null, null, e.result, e.eventId));
        }
        timeline.sort(Comparator.comparing(Entry::at));
        return new View(new Order(o.id, o.customerId, o.amount, o.currency, o.originalAmount, o.orderDate,
                o.paymentTermsDays, o.discountPercent, o.contractSigned, o.salesRep, o.enteredBy, o.requestedDeliveryDate,
                o.status.name(), o.lastDecisionId == null ? null : o.lastDecisionId.toString(), o.updatedAt),
                timeline, holdViews);
    }

    private static List<String> rules(String holdingRules) {
        return io.salesrisk.hold.persistence.HoldWriter.splitHoldingRules(holdingRules);
    }
}
