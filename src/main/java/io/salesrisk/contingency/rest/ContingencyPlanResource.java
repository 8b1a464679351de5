package io.salesrisk.contingency.rest;

import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanStore;
import io.salesrisk.contingency.service.ActivePlans;
import jakarta.annotation.security.RolesAllowed;
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

import java.time.Clock;
import java.time.OffsetDateTime;
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

    private final PlanStore plans;
    private final ActivePlans activePlans;
    private final Clock clock;

    public ContingencyPlanResource(PlanStore plans, ActivePlans activePlans, Clock clock) {
        this.plans = plans;
        this.activePlans = activePlans;
        this.clock = clock;
    }

    /** ACTIVE plans by default; status ENDED or ALL for history. */
    @GET
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    public List<PlanRecord> list(@QueryParam("status") @DefaultValue("ACTIVE") String status,
                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        String wanted = status.trim().toUpperCase(Locale.ROOT);
        if (!List.of("ACTIVE", "ENDED", "ALL").contains(wanted)) {
            throw InvalidInputException.field("status", "status must be ACTIVE, ENDED or ALL");
        }
        return plans.list(wanted.equals("ALL") ? null : wanted, Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    public PlanRecord get(@PathParam("id") UUID id) {
        return plans.find(id).orElseThrow(() -> new NotFoundException(null, "contingency plan " + id + " does not exist"));
    }

    /** Ends an active plan now; the next run activates it again if its trigger still holds. */
    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("risk-officer")
    public PlanRecord end(@PathParam("id") UUID id, EndRequest request, @Context SecurityContext security) {
        PlanRecord plan = get(id);
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "ended by hand" : request.reason().trim();
        if (!plans.end(id, security.getUserPrincipal().getName(), reason, OffsetDateTime.now(clock))) {
            throw new ConflictException("status", "contingency plan " + id + " is " + plan.status() + "; only an active plan can be ended");
        }
        activePlans.refresh();
        return get(id);
    }
}
