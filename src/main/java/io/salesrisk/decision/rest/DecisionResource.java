package io.salesrisk.decision.rest;

import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.decision.persistence.DecisionRepository;
import io.salesrisk.decision.service.DecisionViews;
import io.salesrisk.explanation.Explanation;
import io.salesrisk.explanation.ExplanationService;
import io.salesrisk.order.persistence.SalesOrderRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Stored decisions, for credit managers and auditors. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
@RolesAllowed({"risk-officer", "auditor"})
public class DecisionResource {

    private final DecisionRepository decisions;
    private final SalesOrderRepository orders;
    private final DecisionViews views;
    private final ExplanationService explanations;

    public DecisionResource(DecisionRepository decisions, SalesOrderRepository orders, DecisionViews views,
                            ExplanationService explanations) {
        this.decisions = decisions;
        this.orders = orders;
        this.views = views;
        this.explanations = explanations;
    }

    /** One decision with the facts the engine saw and the rules that fired. */
    @GET
    @Path("/decisions/{id}")
    @Transactional
    public DecisionView decision(@PathParam("id") String id) {
        UUID uuid = parse(id);
        return decisions.findByIdOptional(uuid)
                .map(d -> views.of(d, true))
                .orElseThrow(() -> new NotFoundException(null, "decision " + id + " does not exist"));
    }

    /** Why the decision came out as it did: matched table rows against their thresholds, nearest misses. */
    @GET
    @Path("/decisions/{id}/explain")
    public Explanation explain(@PathParam("id") String id) {
        return explanations.explain(parse(id));
    }

    /** Every decision taken on an order, newest first. */
    @GET
    @Path("/orders/{id}/decisions")
    @Transactional
    public List<DecisionView> orderDecisions(@PathParam("id") String orderId) {
        if (orders.findById(orderId) == null) {
            throw new NotFoundException(null, "order " + orderId + " does not exist");
        }
        return decisions.forOrder(orderId).stream().map(d -> views.of(d, false)).toList();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(null, "decision " + id + " does not exist");
        }
    }
}
