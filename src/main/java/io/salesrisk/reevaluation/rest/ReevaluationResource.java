package io.salesrisk.reevaluation.rest;

import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.reevaluation.persistence.AssessmentRepository;
import io.salesrisk.reevaluation.persistence.FailureRepository;
import io.salesrisk.reevaluation.persistence.SignalRepository;
import io.salesrisk.reevaluation.run.DuplicateRunException;
import io.salesrisk.reevaluation.run.RunExecutor;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.RunTrigger;
import io.salesrisk.reevaluation.service.ReevaluationService;
import io.salesrisk.reevaluation.service.RunReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import java.util.Locale;
import java.util.UUID;

/** Re-evaluation runs: start one over all customers, a segment, a region or a list of ids; follow it; read its results. */
@Path("/api/reevaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Re-evaluation")
public class ReevaluationResource {

    /**
     * What to re-evaluate; all fields optional (no field: every customer, as of today, assessed by the configured
     * executor). {@code executor}: {@code SERVICE} or {@code SPARK} (a Spark job assesses, this service stores).
     */
    public record StartRequest(@Size(max = 40) String segment, @Size(max = 60) String region,
                               @Size(max = 100_000) List<@NotBlank @Size(max = 64) String> customerIds, LocalDate asOf,
                               @Pattern(regexp = "(?i)service|spark", message = "executor is SERVICE or SPARK") String executor) {
    }

    private final ReevaluationService service;
    private final RunReports reports;
    private final JsonText json;

    public ReevaluationResource(ReevaluationService service, RunReports reports, JsonText json) {
        this.service = service;
        this.reports = reports;
        this.json = json;
    }

    /** Starts a run; 202 with its id and a Location to follow. 409 while a run over the same scope is in progress. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("risk-officer")
    public Response start(@Valid StartRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        StartRequest body = request == null ? new StartRequest(null, null, null, null, null) : request;
        RunScope scope = RunScope.of(body.segment(), body.region(), body.customerIds());
        RunRecord run;
        try {
            RunExecutor executor = body.executor() == null ? null : RunExecutor.valueOf(body.executor().toUpperCase(Locale.ROOT));
            run = service.start(scope, body.asOf(), RunTrigger.API, security.getUserPrincipal().getName(), null, executor);
        } catch (DuplicateRunException e) {
            throw new ConflictException("scope", e.getMessage());
        }
        URI location = uri.getBaseUriBuilder().path("api/reevaluations").path(run.id().toString()).build();
        return Response.accepted(RunView.of(reports.state(run), json)).location(location).build();
    }

    /** The most recent runs, newest first. */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<RunView> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return reports.recent(limit).stream().map(state -> RunView.of(state, json)).toList();
    }

    /** Progress (total, done, failed, rate, ETA) and, once completed, the summary. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"risk-officer", "auditor"})
    public RunView get(@PathParam("id") UUID id) {
        return RunView.of(reports.state(id), json);
    }

    /** Every customer the run could not assess, with the reason. */
    @GET
    @Path("/{id}/failures")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<FailureRepository.Failure> failures(@PathParam("id") UUID id,
                                                    @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(100_000) int limit) {
        return reports.failures(id, limit);
    }

    /** The customers whose values the run changed (or for whom it proposed a limit), with the reasons. */
    @GET
    @Path("/{id}/assessments")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<AssessmentRepository.AssessmentRecord> assessments(@PathParam("id") UUID id,
                                                                  @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                                                  @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return reports.assessments(id, limit, offset);
    }

    /** The risk signals the run found, optionally of one type (e.g. SALES_COLLAPSE). */
    @GET
    @Path("/{id}/signals")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<SignalRepository.SignalRecord> signals(@PathParam("id") UUID id, @QueryParam("type") String type,
                                                      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                                      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return reports.signals(id, type, limit, offset);
    }

    /** Stops handing out the run's chunks; what was committed stays. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed("risk-officer")
    public RunView cancel(@PathParam("id") UUID id) {
        return RunView.of(reports.cancel(id), json);
    }
}
