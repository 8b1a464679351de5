package io.salesrisk.orderflow.service;

import io.salesrisk.common.money.Amounts;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.evaluation.service.OrderToEvaluate;
import io.salesrisk.hold.service.HoldService;
import io.salesrisk.hold.service.RecheckService;
import io.salesrisk.order.persistence.OrderStatus;
import io.salesrisk.order.persistence.SalesOrderEntity;
import io.salesrisk.order.persistence.SalesOrderRepository;
import io.salesrisk.orderflow.persistence.OrderEventEntity;
import io.salesrisk.orderflow.persistence.OrderEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Applies the CRM/ERP's lifecycle events to orders: once per event id, in the order they happened, only where the
 * order's state allows them. A refused event changes nothing. A change to an order that is not done with evaluates
 * it again (a released order within its release tolerance stays released).
 */
@ApplicationScoped
public class OrderEventService {

    private static final Set<OrderStatus> OPEN = EnumSet.of(OrderStatus.APPROVED, OrderStatus.RELEASED);

    private final OrderEventRepository events;
    private final SalesOrderRepository orders;
    private final HoldService holds;
    private final RecheckService rechecks;
    private final Clock clock;

    public OrderEventService(OrderEventRepository events, SalesOrderRepository orders, HoldService holds,
                             RecheckService rechecks, Clock clock) {
        this.events = events;
        this.orders = orders;
        this.holds = holds;
        this.rechecks = rechecks;
        this.clock = clock;
    }

    public EventOutcome receive(String orderId, OrderEvent event, String user) {
        validate(event);
        EventOutcome earlier = check(orderId, event);
        if (earlier != null) {
            return earlier;
        }
        try {
            return applyNew(orderId, event, user);
        } catch (RuntimeException e) {
            // the same event sent twice at once: the one recorded first answers for both
            EventOutcome raced = check(orderId, event);
            if (raced != null) {
                return raced;
            }
            throw e;
        }
    }

    private EventOutcome applyNew(String orderId, OrderEvent event, String user) {
        if (event.type() == OrderEventType.CHANGED) {
            OrderToEvaluate changed = changedOrder(orderId, event);
            RecheckService.Recheck recheck = rechecks.evaluateAgain(changed, user, "CHANGED",
                    "changed by event " + event.eventId());
            String result = "evaluated again: " + recheck.outcome() + " (" + recheck.message() + ")";
            record(orderId, event, user, result);
            return new EventOutcome(event.eventId(), orderId, event.type().name(), false, recheck.orderStatus(),
                    recheck.outcome(), result);
        }
        return apply(orderId, event, user);
    }

    /** A resent event's first outcome; null for a new event that may be applied. Refuses what cannot apply. */
    @Transactional
    EventOutcome check(String orderId, OrderEvent event) {
        OrderEventEntity known = events.findById(event.eventId());
        SalesOrderEntity order = orders.findByIdOptional(orderId)
                .orElseThrow(() -> new NotFoundException("orderId", "order " + orderId + " does not exist"));
        if (known != null) {
            if (!known.orderId.equals(orderId) || !known.type.equals(event.type().name())) {
                throw new ConflictException("eventId", "event id " + event.eventId() + " was already used for a "
                        + known.type + " event of order " + known.orderId);
            }
            return new EventOutcome(known.eventId, orderId, known.type, true, order.status.name(), null,
                    "already accepted at " + known.receivedAt + ": " + known.result);
        }
        events.latest(orderId).ifPresent(last -> {
            if (event.occurredAt().isBefore(last.occurredAt)) {
                throw new ConflictException("occurredAt", "event " + event.eventId() + " happened at " + event.occurredAt()
                        + ", before the order's last event " + last.eventId + " (" + last.type + " at " + last.occurredAt
                        + "): events must arrive in the order they happened; nothing changed");
            }
        });
        allowed(order, event.type());
        return null;
    }

    private static void allowed(SalesOrderEntity order, OrderEventType type) {
        OrderStatus status = order.status;
        boolean ok = switch (type) {
            case CHANGED, CANCELLED -> !status.closed();
            case APPROVED -> !status.held() && !status.closed();
            case SHIPPED -> OPEN.contains(status);
            case INVOICED -> OPEN.contains(status) || status == OrderStatus.SHIPPED;
            case PAID -> status == OrderStatus.INVOICED;
        };
        if (!ok) {
            throw new ConflictException("type", "order " + order.id + " is " + status + ": a " + type + " event does not"
                    + " apply" + (status.held() ? " (it is held: release it first)" : "") + "; nothing changed");
        }
    }

    @Transactional
    OrderToEvaluate changedOrder(String orderId, OrderEvent event) {
        SalesOrderEntity order = orders.findById(orderId);
        OrderToEvaluate stored = RecheckService.toEvaluate(order);
        return new OrderToEvaluate(stored.orderId(), stored.customerId(),
                event.amount() == null ? stored.amount() : event.amount(), stored.currency(), stored.orderDate(),
                stored.paymentTermsDays(), stored.discountPercent(), stored.contractSigned(), stored.salesRep(),
                event.requestedDeliveryDate() == null ? stored.requestedDeliveryDate() : event.requestedDeliveryDate());
    }

    @Transactional
    EventOutcome apply(String orderId, OrderEvent event, String user) {
        SalesOrderEntity order = orders.findForUpdate(orderId).orElseThrow();
        allowed(order, event.type()); // again under the lock: another event may have come first
        OrderStatus after = switch (event.type()) {
            case SHIPPED -> OrderStatus.SHIPPED;
            case INVOICED -> OrderStatus.INVOICED;
            case PAID -> OrderStatus.PAID;
            case CANCELLED -> OrderStatus.CANCELLED;
            default -> order.status; // APPROVED: recorded only
        };
        String result = after == order.status ? "recorded; the order stays " + order.status
                : "order " + order.status + " → " + after + switch (after) {
                    case SHIPPED -> "; it left the open orders of the exposure";
                    case INVOICED -> "; its amount is in the receivables with its invoice";
                    case CANCELLED -> "; it left the exposure";
                    default -> "";
                };
        if (after == OrderStatus.CANCELLED) {
            holds.orderCancelled(orderId, user, event.eventId());
        }
        if (after != order.status) {
            orders.markStatus(orderId, after, OffsetDateTime.now(clock)); // the order feature writes its table
        }
        record(orderId, event, user, result);
        return new EventOutcome(event.eventId(), orderId, event.type().name(), false, after.name(), null, result);
    }

    @Transactional
    void record(String orderId, OrderEvent event, String user, String result) {
        OrderEventEntity entity = new OrderEventEntity();
        entity.eventId = event.eventId();
        entity.orderId = orderId;
        entity.type = event.type().name();
        entity.occurredAt = event.occurredAt();
        entity.receivedAt = OffsetDateTime.now(clock);
        entity.receivedBy = user;
        entity.amount = event.amount();
        entity.requestedDeliveryDate = event.requestedDeliveryDate();
        entity.result = result.length() > 1000 ? result.substring(0, 997) + "..." : result;
        events.persist(entity);
    }

    private static void validate(OrderEvent event) {
        if (event.eventId() == null || event.eventId().isBlank() || event.eventId().length() > 100) {
            throw InvalidInputException.field("eventId", "eventId is required (at most 100 characters)");
        }
        if (event.type() == null) {
            throw InvalidInputException.field("type", "type is required; allowed: " + java.util.Arrays.toString(OrderEventType.values()));
        }
        if (event.occurredAt() == null) {
            throw InvalidInputException.field("occurredAt", "occurredAt is required (ISO-8601 with offset)");
        }
        if (event.type() == OrderEventType.CHANGED) {
            if (event.amount() == null && event.requestedDeliveryDate() == null) {
                throw InvalidInputException.field("amount", "a CHANGED event needs the new amount or requestedDeliveryDate");
            }
            if (event.amount() != null) {
                if (event.amount().signum() <= 0) {
                    throw InvalidInputException.field("amount", "amount must be positive, was " + event.amount().toPlainString());
                }
                String problem = Amounts.problem(event.amount(), Amounts.MAX, Amounts.SCALE);
                if (problem != null) {
                    throw InvalidInputException.field("amount", "amount " + problem);
                }
            }
        } else if (event.amount() != null || event.requestedDeliveryDate() != null) {
            throw InvalidInputException.field("amount", "only a CHANGED event carries an amount or a delivery date");
        }
    }
}
