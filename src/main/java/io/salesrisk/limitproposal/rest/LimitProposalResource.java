package io.salesrisk.limitproposal.rest;

import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.limitproposal.persistence.LimitProposalRecord;
import io.salesrisk.limitproposal.persistence.ProposalStatus;
import io.salesrisk.limitproposal.service.LimitProposalService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.Set;
import java.util.UUID;

/** Limit increases waiting for a risk officer: the queue, approve, reject. */
@Path("/api/limit-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Limit proposals")
public class LimitProposalResource {

    private static final Set<String> STATUSES = Set.of("PENDING", "APPROVED", "REJECTED", "SUPERSEDED");

    private final LimitProposalService service;

    public LimitProposalResource(LimitProposalService service) {
        this.service = service;
    }

    /** The queue: PENDING by default, oldest first. */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<LimitProposalRecord> list(@QueryParam("status") @DefaultValue("PENDING") String status,
                                          @QueryParam("customerId") String customerId,
                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        String wanted = status.trim().toUpperCase(Locale.ROOT);
        if (!wanted.equals("ALL") && !STATUSES.contains(wanted)) {
            throw InvalidInputException.field("status", "status must be PENDING, APPROVED, REJECTED, SUPERSEDED or ALL");
        }
        return service.list(wanted.equals("ALL") ? null : ProposalStatus.valueOf(wanted), customerId, limit);
    }

    /** Applies the proposed limit (if the customer's limit has not changed since). */
    @POST
    @Path("/{id}/approve")
    @RolesAllowed("risk-officer")
    public LimitProposalRecord approve(@PathParam("id") UUID id, @Context SecurityContext security) {
        return service.approve(id, security.getUserPrincipal().getName());
    }

    /** Keeps the current limit. */
    @POST
    @Path("/{id}/reject")
    @RolesAllowed("risk-officer")
    public LimitProposalRecord reject(@PathParam("id") UUID id, @Context SecurityContext security) {
        return service.reject(id, security.getUserPrincipal().getName());
    }
}
