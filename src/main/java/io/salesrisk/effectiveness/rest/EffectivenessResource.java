package io.salesrisk.effectiveness.rest;

import io.salesrisk.effectiveness.service.EffectivenessReport;
import io.salesrisk.effectiveness.service.EffectivenessService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rule effectiveness: how often each rule fired and decided, how its holds ended, how often its signals came true. */
@Path("/api/rules/effectiveness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rule effectiveness")
public class EffectivenessResource {

    private final EffectivenessService effectiveness;

    public EffectivenessResource(EffectivenessService effectiveness) {
        this.effectiveness = effectiveness;
    }

    /** The report of a period: {@code from} and {@code to} are days (YYYY-MM-DD, UTC), both included. */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public EffectivenessReport report(@QueryParam("from") String from, @QueryParam("to") String to) {
        return effectiveness.report(from, to);
    }
}
