package io.salesrisk.decision.rest;

import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.decision.service.DecisionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Stored decisions, for credit managers and auditors (an order's decisions: {@code GET /api/orders/{id}/decisions} in orderflow). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
@RolesAllowed({"risk-officer", "auditor"})
public class DecisionResource {

    private final DecisionService decisions;

    public DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** One decision with the facts the engine saw and the rules that fired. */
    @GET
    @Path("/decisions/{id}")
    public DecisionView decision(@PathParam("id") String id) {
        return decisions.find(parse(id)).map(d -> DecisionView.of(d, true))
                .orElseThrow(() -> new NotFoundException(null, "decision " + id + " does not exist"));
    }

    /** A decision id from the path; anything that is not a UUID names no decision. */
    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(null, "decision " + id + " does not exist");
        }
    }
}
