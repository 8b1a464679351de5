package io.salesrisk.reevaluation.rest;

import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.reevaluation.persistence.AssessmentHistory;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.RunStore;
import io.salesrisk.reevaluation.service.ReevaluationService;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Re-evaluation runs: start one over all customers, a segment, a region or a list of ids; follow it; read its results. */
@Path("/api/reevaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Re-evaluation")
public class ReevaluationResource {

    /** What to re-evaluate; all fields optional (no field: every customer, as of today). */
    public record StartRequest(String segment, String region, List<String> customerIds, LocalDate asOf) {
    }

    private final ReevaluationService service;
    private final RunStore runs;
    private final AssessmentHistory history;
    private final JsonText json;
    private final Clock clock;

    public ReevaluationResource(ReevaluationService service, RunStore runs, AssessmentHistory history, JsonText json,
                                Clock clock) {
        this.service = service;
        this.runs = runs;
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    /** Starts a run; 202 with its id and a Location to follow. 409 while a run over the same scope is in progress. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("risk-officer")
    public Response start(StartRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        StartRequest body = request == null ? new StartRequest(null, null, null, null) : request;
        RunScope scope = RunScope.of(body.segment(), body.region(), body.customerIds());
        RunRecord run;
        try {
            run = service.start(scope, body.asOf(), "API", security.getUserPrincipal().getName(), null);
        } catch (RunStore.DuplicateRunException e) {
            throw new ConflictException("scope", e.getMessage());
        }
        URI location = uri.getBaseUriBuilder().path("api/reevaluations").path(run.id().toString()).build();
        return Response.accepted(RunView.of(run, runs.progress(run, OffsetDateTime.now(clock)), json)).location(location).build();
    }

    /** The most recent runs, newest first. */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<RunView> list(@QueryParam("limit") @DefaultValue("20") int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return runs.recent(Math.max(1, Math.min(limit, 200))).stream()
                .map(run -> RunView.of(run, runs.progress(run, now), json)).toList();
    }

    /** Progress (total, done, failed, rate, ETA) and, once completed, the summary. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"risk-officer", "auditor"})
    public RunView get(@PathParam("id") UUID id) {
        RunRecord run = find(id);
        return RunView.of(run, runs.progress(run, OffsetDateTime.now(clock)), json);
    }

    /** Every customer the run could not assess, with the reason. */
    @GET
    @Path("/{id}/failures")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<RunStore.Failure> failures(@PathParam("id") UUID id, @QueryParam("limit") @DefaultValue("1000") int limit) {
        find(id);
        return runs.failures(id, Math.max(1, Math.min(limit, 100_000)));
    }

    /** The customers whose values the run changed (or for whom it proposed a limit), with the reasons. */
    @GET
    @Path("/{id}/assessments")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<AssessmentHistory.AssessmentRecord> assessments(@PathParam("id") UUID id,
                                                               @QueryParam("limit") @DefaultValue("100") int limit,
                                                               @QueryParam("offset") @DefaultValue("0") int offset) {
        find(id);
        return history.ofRun(id, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset));
    }

    /** The risk signals the run found, optionally of one type (e.g. SALES_COLLAPSE). */
    @GET
    @Path("/{id}/signals")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<AssessmentHistory.SignalRecord> signals(@PathParam("id") UUID id, @QueryParam("type") String type,
                                                       @QueryParam("limit") @DefaultValue("100") int limit,
                                                       @QueryParam("offset") @DefaultValue("0") int offset) {
        find(id);
        return history.signalsOfRun(id, type, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset));
    }

    /** Stops handing out the run's chunks; what was committed stays. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed("risk-officer")
    public RunView cancel(@PathParam("id") UUID id) {
        RunRecord run = find(id);
        if (!runs.cancel(id, OffsetDateTime.now(clock))) {
            throw new ConflictException("status", "run " + id + " is " + run.status() + "; only a running run can be cancelled");
        }
        return get(id);
    }

    private RunRecord find(UUID id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException(null, "re-evaluation run " + id + " does not exist"));
    }
}
