package io.salesrisk.evaluation.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.decision.rest.DecisionView;
import io.salesrisk.evaluation.service.EvaluationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Called by the CRM/ERP before it approves a sales order. */
@Path("/api/orders/evaluate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Order evaluation")
public class EvaluationResource {

    private final EvaluationService evaluations;
    private final SecurityIdentity identity;

    public EvaluationResource(EvaluationService evaluations, SecurityIdentity identity) {
        this.evaluations = evaluations;
        this.identity = identity;
    }

    /** Evaluates the order and returns APPROVE, REVIEW or BLOCK with conditions and reasons. */
    @POST
    @RolesAllowed({"sales", "risk-officer"})
    public Uni<DecisionView> evaluate(@Valid @NotNull EvaluateOrderRequest request) {
        return evaluations.evaluate(request.toOrder(), identity.getPrincipal().getName())
                .map(decision -> DecisionView.of(decision, false));
    }
}
