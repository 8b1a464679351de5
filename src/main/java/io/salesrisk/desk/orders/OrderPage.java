package io.salesrisk.desk.orders;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.decision.service.DecisionRecord;
import io.salesrisk.decision.service.DecisionService;
import io.salesrisk.desk.common.DeskFlash;
import io.salesrisk.desk.common.DeskMessage;
import io.salesrisk.explanation.service.Explanation;
import io.salesrisk.explanation.service.ExplanationService;
import io.salesrisk.hold.service.HoldsConfig;
import io.salesrisk.hold.service.OfficerLevels;
import io.salesrisk.hold.service.WorklistService;
import io.salesrisk.orderflow.service.OrderHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One order: the decision explained as the table rows that decided with the order's values against each threshold
 * and the nearest misses, the smallest change that would approve it, the open hold with its actions, and the
 * history of decisions, actions and events.
 */
@Path("/desk/orders/{orderId}")
public class OrderPage {

    private final Template order;
    private final Template missing;
    private final OrderHistory history;
    private final DecisionService decisions;
    private final ExplanationService explanations;
    private final WorklistService worklist;
    private final HoldActions actions;
    private final HoldsConfig config;
    private final OfficerLevels levels;
    private final DeskFlash flash;
    private final SecurityIdentity identity;
    private final Clock clock;

    public OrderPage(@Location("desk/orders/order.html") Template order, @Location("desk/common/not-found.html") Template missing,
                     OrderHistory history, DecisionService decisions, ExplanationService explanations,
                     WorklistService worklist, HoldActions actions, HoldsConfig config, OfficerLevels levels,
                     DeskFlash flash, SecurityIdentity identity, Clock clock) {
        this.order = order;
        this.missing = missing;
        this.history = history;
        this.decisions = decisions;
        this.explanations = explanations;
        this.worklist = worklist;
        this.actions = actions;
        this.config = config;
        this.levels = levels;
        this.flash = flash;
        this.identity = identity;
        this.clock = clock;
    }

    /** The order with its latest decision explained, or the one picked from its decisions ({@code ?decision=}). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    public Response show(@PathParam("orderId") String orderId, @QueryParam("decision") String decisionParam,
                         @QueryParam("flash") String flashToken) {
        OrderHistory.View view;
        try {
            view = history.of(orderId);
        } catch (NotFoundException e) {
            return Response.status(404).entity(missing.data("what", "Order " + orderId)
                    .data("message", e.getMessage()).data("back", "/desk/worklist")).build();
        }
        List<DecisionRecord> all = decisions.forOrder(orderId);
        UUID shown = pick(decisionParam, view.order().lastDecisionId(), all);
        Explanation explanation = shown == null ? null : explanations.explain(shown);
        OrderHistory.Hold open = view.holds().stream()
                .filter(h -> h.status().equals("OPEN") || h.status().equals("PENDING_APPROVAL")).findFirst().orElse(null);
        List<String> hints = open == null || shown == null ? List.of() : worklist.approvalHints(shown);
        List<OrderHistory.Entry> timeline = new java.util.ArrayList<>(view.timeline());
        java.util.Collections.reverse(timeline);
        TemplateInstance page = order.data("nav", "worklist").data("v", view).data("decisions", all)
                .data("shown", shown == null ? "" : shown.toString()).data("x", explanation).data("open", open)
                .data("hints", hints).data("timeline", timeline)
                .data("level", identity.hasRole("risk-officer") ? levels.of(identity) : 0)
                .data("releaseReasons", config.releaseReasons()).data("rejectReasons", config.rejectReasons())
                .data("releaseConditions", config.releaseConditions()).data("today", LocalDate.now(clock))
                .data("messages", flash.take(identity.getPrincipal().getName(), flashToken));
        return Response.ok(page).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** An action on this order's hold: release, reject, forward, follow-up or recheck. */
    @POST
    @Path("/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("risk-officer")
    public Response act(@PathParam("orderId") String orderId, @BeanParam HoldActions.Form form) {
        List<DeskMessage> messages = actions.apply(List.of(orderId), form, identity);
        String token = flash.put(identity.getPrincipal().getName(), messages);
        return Response.seeOther(URI.create("/desk/orders/" + io.salesrisk.desk.common.DeskFormats.url(orderId) + "?flash=" + token)).build();
    }

    private static UUID pick(String requested, String latest, List<DecisionRecord> all) {
        if (requested != null) {
            for (DecisionRecord d : all) {
                if (d.id().toString().equals(requested)) {
                    return d.id();
                }
            }
        }
        return latest == null ? null : UUID.fromString(latest);
    }
}
