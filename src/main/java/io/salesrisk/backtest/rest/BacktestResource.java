package io.salesrisk.backtest.rest;

import io.salesrisk.backtest.persistence.BacktestRepository.StoredBacktest;
import io.salesrisk.backtest.service.BacktestService;
import io.salesrisk.backtest.service.BacktestView;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.reevaluation.run.RunScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Backtests: the re-evaluation rules of a version run as of a past day and scored against what happened next. */
@Path("/api/backtests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backtests")
public class BacktestResource {

    /**
     * What to backtest.
     *
     * @param rulesetVersion a stored version (a candidate before activation); absent for the active one
     * @param asOf           the past day the rules are run as of
     * @param horizonMonths  months after asOf in which outcomes count (1 to 12, default 3)
     * @param segment        only this segment's customers (or give a region, or neither for all)
     */
    public record BacktestRequest(@Size(max = 64) String rulesetVersion, LocalDate asOf, Integer horizonMonths,
                                  @Size(max = 40) String segment, @Size(max = 60) String region) {
    }

    private final BacktestService backtests;

    public BacktestResource(BacktestService backtests) {
        this.backtests = backtests;
    }

    /** Starts a backtest; 202 with its id and a Location to follow while it runs. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("risk-officer")
    public Response start(@Valid BacktestRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        BacktestRequest body = request == null ? new BacktestRequest(null, null, null, null, null) : request;
        StoredBacktest started = backtests.start(body.rulesetVersion(), RunScope.of(body.segment(), body.region(), null),
                body.asOf(), body.horizonMonths(),
                security.getUserPrincipal().getName());
        URI location = uri.getBaseUriBuilder().path("api/backtests").path(started.id().toString()).build();
        return Response.accepted(BacktestView.of(started, null)).location(location).build();
    }

    /** The most recent backtests, newest first, without their reports. */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<BacktestView> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return backtests.latest(limit).stream().map(b -> BacktestView.of(b, null)).toList();
    }

    /** One backtest: progress while RUNNING, the report once COMPLETED, the error if FAILED. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"risk-officer", "auditor"})
    public BacktestView get(@PathParam("id") UUID id) {
        StoredBacktest backtest = backtests.find(id)
                .orElseThrow(() -> new NotFoundException("id", "backtest " + id + " does not exist"));
        return BacktestView.of(backtest, backtests.report(backtest));
    }
}
