package io.salesrisk.orderflow.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.decision.rest.DecisionView;
import io.salesrisk.decision.service.DecisionService;
import io.salesrisk.hold.service.HoldActionResult;
import io.salesrisk.hold.service.HoldService;
import io.salesrisk.hold.service.RecheckService;
import io.salesrisk.orderflow.service.EventOutcome;
import io.salesrisk.orderflow.service.OrderEvent;
import io.salesrisk.orderflow.service.OrderEventService;
import io.salesrisk.orderflow.service.OrderEventType;
import io.salesrisk.orderflow.service.OrderHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One order: its history, the CRM/ERP's lifecycle events, and the risk officers' actions on its hold.
 */
@Path("/api/orders/{orderId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders and holds")
public class OrderResource {

    public record ReleaseRequest(@Size(max = 40) String reasonCode, @Size(max = 8) List<@Size(max = 40) String> conditions,
                                 Integer validityDays, @Size(max = 2000) String comment) {
    }

    public record RejectRequest(@Size(max = 40) String reasonCode, @Size(max = 2000) String comment) {
    }

    public record ForwardRequest(@Size(max = 100) String to, @Size(max = 2000) String comment) {
    }

    public record FollowUpRequest(LocalDate date, @Size(max = 2000) String comment) {
    }

    public record RecheckRequest(@Size(max = 2000) String comment) {
    }

    public record EventRequest(@Size(max = 100) String eventId, OrderEventType type, OffsetDateTime occurredAt,
                               BigDecimal amount, LocalDate requestedDeliveryDate) {
    }

    private final OrderHistory history;
    private final OrderEventService events;
    private final HoldService holds;
    private final RecheckService rechecks;
    private final SecurityIdentity identity;
    private final DecisionService decisionService;

    public OrderResource(OrderHistory history, OrderEventService events, HoldService holds, RecheckService rechecks,
                         SecurityIdentity identity, DecisionService decisionService) {
        this.decisionService = decisionService;
        this.history = history;
        this.events = events;
        this.holds = holds;
        this.rechecks = rechecks;
        this.identity = identity;
    }

    /** The order with every decision, hold, action and event in time order. */
    @GET
    @RolesAllowed({"sales", "risk-officer", "auditor"})
    public OrderHistory.View order(@PathParam("orderId") String orderId) {
        return history.of(orderId);
    }

    /**
     * Every decision taken on the order, newest first. Served here because every path under /api/orders/{id} must
     * live in one resource class (the REST layer matches the longest class path first).
     */
    @GET
    @Path("/decisions")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<DecisionView> decisions(@PathParam("orderId") String orderId) {
        return decisionService.forOrder(orderId).stream().map(d -> DecisionView.of(d, false)).toList();
    }

    /** A lifecycle event from the CRM/ERP; the same event id twice is accepted once. */
    @POST
    @Path("/events")
    @RolesAllowed({"sales", "risk-officer"})
    public EventOutcome event(@PathParam("orderId") String orderId, @Valid @NotNull EventRequest request) {
        return events.receive(orderId, new OrderEvent(request.eventId(), request.type(), request.occurredAt(),
                request.amount(), request.requestedDeliveryDate()), user());
    }

    @POST
    @Path("/release")
    @RolesAllowed("risk-officer")
    public HoldActionResult release(@PathParam("orderId") String orderId, @Valid @NotNull ReleaseRequest request) {
        return holds.release(orderId, new HoldService.ReleaseCommand(request.reasonCode(), request.conditions(),
                request.validityDays(), request.comment()), identity);
    }

    @POST
    @Path("/reject")
    @RolesAllowed("risk-officer")
    public HoldActionResult reject(@PathParam("orderId") String orderId, @Valid @NotNull RejectRequest request) {
        return holds.reject(orderId, request.reasonCode(), request.comment(), identity);
    }

    @POST
    @Path("/forward")
    @RolesAllowed("risk-officer")
    public HoldActionResult forward(@PathParam("orderId") String orderId, @Valid @NotNull ForwardRequest request) {
        return holds.forward(orderId, request.to(), request.comment(), identity);
    }

    @POST
    @Path("/follow-up")
    @RolesAllowed("risk-officer")
    public HoldActionResult followUp(@PathParam("orderId") String orderId, @Valid @NotNull FollowUpRequest request) {
        return holds.followUp(orderId, request.date(), request.comment(), identity);
    }

    /** Evaluates the held order again now; if the rules approve it, the hold closes by itself. */
    @POST
    @Path("/recheck")
    @RolesAllowed("risk-officer")
    public RecheckService.Recheck recheck(@PathParam("orderId") String orderId, @Valid RecheckRequest request) {
        return rechecks.recheck(orderId, user(), request == null ? null : request.comment());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
