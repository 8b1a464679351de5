package io.salesrisk.explanation.rest;

import io.salesrisk.decision.rest.DecisionResource;
import io.salesrisk.explanation.service.Explanation;
import io.salesrisk.explanation.service.ExplanationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Why a stored decision came out as it did. */
@Path("/api/decisions/{id}/explain")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
@RolesAllowed({"risk-officer", "auditor"})
public class ExplanationResource {

    private final ExplanationService explanations;

    public ExplanationResource(ExplanationService explanations) {
        this.explanations = explanations;
    }

    /** Matched table rows against their thresholds, nearest misses for tables where nothing matched, DRL rules fired. */
    @GET
    public Explanation explain(@PathParam("id") String id) {
        return explanations.explain(DecisionResource.parse(id));
    }
}
