package io.salesrisk.drill.rest;

import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.drill.persistence.DrillRecord;
import io.salesrisk.drill.service.DrillRequest;
import io.salesrisk.drill.service.DrillService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Contingency drills: run a scenario over the portfolio in memory and read what would have followed. */
@Path("/api/drills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drills")
public class DrillResource {

    private final DrillService service;
    private final JsonText json;

    public DrillResource(DrillService service, JsonText json) {
        this.service = service;
        this.json = json;
    }

    /** Runs a drill; 201 with its report and a Location. 422 naming the field for a scenario that cannot be run. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("risk-officer")
    public Response run(DrillRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        DrillRecord drill = service.run(request, security.getUserPrincipal().getName());
        URI location = uri.getBaseUriBuilder().path("api/drills").path(drill.id().toString()).build();
        return Response.created(location).entity(DrillView.of(drill, json)).build();
    }

    /** The most recent drills, newest first, without their reports. */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<DrillView> recent(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.recent(limit).stream().map(d -> DrillView.of(d, json)).toList();
    }

    /** One drill with its report. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"risk-officer", "auditor"})
    public DrillView get(@PathParam("id") UUID id) {
        return service.find(id).map(d -> DrillView.of(d, json))
                .orElseThrow(() -> new NotFoundException(null, "drill " + id + " does not exist"));
    }
}
