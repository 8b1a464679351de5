package io.salesrisk.contingency.rest;

import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanStatus;
import io.salesrisk.contingency.service.PlanService;
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
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Contingency plans activated by triggers: what is active, with the values that triggered it; ending one by hand. */
@Path("/api/contingency-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contingency plans")
public class ContingencyPlanResource {

    /** Why a risk officer ends a plan before a run finds its trigger gone. */
    public record EndRequest(String reason) {
    }

    private final PlanService plans;

    public ContingencyPlanResource(PlanService plans) {
        this.plans = plans;
    }

    /** ACTIVE plans by default; status ENDED or ALL for history. */
    @GET
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    public List<PlanRecord> list(@QueryParam("status") @DefaultValue("ACTIVE") String status,
                                 @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        String wanted = status.trim().toUpperCase(Locale.ROOT);
        if (!List.of("ACTIVE", "ENDED", "ALL").contains(wanted)) {
            throw InvalidInputException.field("status", "status must be ACTIVE, ENDED or ALL");
        }
        return plans.list(wanted.equals("ALL") ? null : PlanStatus.valueOf(wanted), limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    public PlanRecord get(@PathParam("id") UUID id) {
        return plans.get(id);
    }

    /** Ends an active plan now; the next run activates it again if its trigger still holds. */
    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("risk-officer")
    public PlanRecord end(@PathParam("id") UUID id, EndRequest request, @Context SecurityContext security) {
        return plans.end(id, security.getUserPrincipal().getName(), request == null ? null : request.reason());
    }

    /** The same without a body (no reason given), whatever the content type says. */
    @POST
    @Path("/{id}/end")
    @RolesAllowed("risk-officer")
    public PlanRecord endWithoutReason(@PathParam("id") UUID id, @Context SecurityContext security) {
        return plans.end(id, security.getUserPrincipal().getName(), null);
    }
}
