package io.salesrisk.desk.runs;

import io.salesrisk.desk.common.PageMessage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.limitproposal.persistence.LimitProposalRecord;
import io.salesrisk.limitproposal.persistence.ProposalStatus;
import io.salesrisk.limitproposal.service.LimitProposalService;
import io.salesrisk.reevaluation.persistence.FailureRepository;
import io.salesrisk.reevaluation.run.RunRecord;
import io.salesrisk.reevaluation.run.RunScope;
import io.salesrisk.reevaluation.run.RunTrigger;
import io.salesrisk.reevaluation.service.ReevaluationService;
import io.salesrisk.reevaluation.service.RunReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Re-evaluation runs: the latest runs and the start form; one run with its live progress, cancel, the summary once
 * completed, its failures and the limit proposals it made, to approve or reject.
 */
@Path("/desk/runs")
public class RunsPage {

    static final List<Integer> LIMITS = List.of(20, 50, 100, 200);
    static final int PROPOSALS_PER_PAGE = 25;
    static final int FAILURES_SHOWN = 200;
    static final List<String> PROPOSAL_STATUSES = List.of("PENDING", "APPROVED", "REJECTED", "SUPERSEDED", "ALL");
    private static final Map<String, String> DONE = Map.of("started", "The run has started.",
            "cancelled", "The run was cancelled; what it committed stays.",
            "approved", "The limit proposal was approved: the customer has the proposed limit.",
            "rejected", "The limit proposal was rejected: the current limit stays.");

    /** What the start form was filled with, to show it again after a refusal. */
    public record StartForm(String scope, String segment, String region, String customerIds, String asOf) {
        static StartForm empty() {
            return new StartForm("ALL", "", "", "", "");
        }
    }

    /** Everything the run page and its live part show. */
    public record RunPage(RunViews.Row run, RunViews.Summary summary, List<FailureRepository.Failure> failures,
                          List<LimitProposalRecord> proposals, String proposalStatus, int proposalPage,
                          boolean moreProposals) {
        public int previousPage() {
            return proposalPage - 1;
        }

        public int nextPage() {
            return proposalPage + 1;
        }
    }

    private final Template runs;
    private final Template run;
    private final Template live;
    private final Template missing;
    private final ReevaluationService service;
    private final RunReports reports;
    private final LimitProposalService proposals;
    private final RunViews views;
    private final SecurityIdentity identity;
    private final Clock clock;

    public RunsPage(@Location("desk/runs/runs.html") Template runs, @Location("desk/runs/run.html") Template run,
                    @Location("desk/runs/live.html") Template live, @Location("desk/runs/missing.html") Template missing,
                    ReevaluationService service, RunReports reports, LimitProposalService proposals, RunViews views,
                    SecurityIdentity identity, Clock clock) {
        this.runs = runs;
        this.run = run;
        this.live = live;
        this.missing = missing;
        this.service = service;
        this.reports = reports;
        this.proposals = proposals;
        this.views = views;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public TemplateInstance list(@QueryParam("limit") @DefaultValue("20") int limit) {
        return listPage(limit, StartForm.empty(), null);
    }

    /** Starts a run over the chosen scope; on to the run's page, or the list again with the refusal. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response start(@FormParam("scope") String scope, @FormParam("segment") String segment,
                          @FormParam("region") String region, @FormParam("customerIds") String customerIds,
                          @FormParam("asOf") String asOf) {
        StartForm form = new StartForm(scope == null ? "ALL" : scope.trim().toUpperCase(Locale.ROOT), text(segment),
                text(region), text(customerIds), text(asOf));
        try {
            RunRecord started = service.start(scopeOf(form), dayOf(form.asOf()), RunTrigger.API,
                    identity.getPrincipal().getName(), null);
            return Response.seeOther(URI.create("/desk/runs/" + started.id() + "?done=started")).build();
        } catch (RuntimeException e) {
            PageMessage message = PageMessage.of(e);
            if (message == null) {
                throw e;
            }
            return Response.status(message.status()).entity(listPage(20, form, message)).type(MediaType.TEXT_HTML).build();
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response show(@PathParam("id") String id, @QueryParam("done") String done,
                         @QueryParam("proposals") @DefaultValue("PENDING") String proposalStatus,
                         @QueryParam("page") @DefaultValue("1") int page) {
        PageMessage message = done == null || !DONE.containsKey(done) ? null : PageMessage.ok(DONE.get(done));
        return render(run, id, message, proposalStatus, page);
    }

    /** The live part of the run page: status, progress, and once finished the summary; polled every second while running. */
    @GET
    @Path("/{id}/live")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response live(@PathParam("id") String id) {
        return render(live, id, null, "PENDING", 1);
    }

    @POST
    @Path("/{id}/cancel")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response cancel(@PathParam("id") String id) {
        return act(id, "cancelled", uuid -> reports.cancel(uuid));
    }

    @POST
    @Path("/{id}/proposals/{proposal}/approve")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response approve(@PathParam("id") String id, @PathParam("proposal") String proposal) {
        return act(id, "approved", uuid -> proposals.approve(parse(proposal, "limit proposal"), identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/proposals/{proposal}/reject")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response reject(@PathParam("id") String id, @PathParam("proposal") String proposal) {
        return act(id, "rejected", uuid -> proposals.reject(parse(proposal, "limit proposal"), identity.getPrincipal().getName()));
    }

    private Response act(String id, String done, java.util.function.Consumer<UUID> action) {
        try {
            UUID uuid = parse(id, "re-evaluation run");
            action.accept(uuid);
            String anchor = done.equals("cancelled") ? "" : "#proposals";
            return Response.seeOther(URI.create("/desk/runs/" + uuid + "?done=" + done + anchor)).build();
        } catch (RuntimeException e) {
            PageMessage message = PageMessage.of(e);
            if (message == null) {
                throw e;
            }
            Response page = render(run, id, message, "PENDING", 1);
            return page.getStatus() == 200 ? Response.status(message.status()).entity(page.getEntity())
                    .type(MediaType.TEXT_HTML).build() : page;
        }
    }

    private Response render(Template template, String id, PageMessage message, String proposalStatus, int page) {
        RunPage model;
        try {
            model = model(parse(id, "re-evaluation run"), proposalStatus, page);
        } catch (RuntimeException e) {
            PageMessage refusal = PageMessage.of(e);
            if (refusal == null) {
                throw e;
            }
            return Response.status(refusal.status()).entity(missing.data("nav", "runs").data("message", refusal))
                    .type(MediaType.TEXT_HTML).build();
        }
        return Response.ok(template.data("nav", "runs").data("p", model).data("r", model.run())
                .data("s", model.summary()).data("message", message).data("classes", RunViews.CLASSES)
                .data("statuses", PROPOSAL_STATUSES)).type(MediaType.TEXT_HTML).build();
    }

    private RunPage model(UUID id, String proposalStatus, int page) {
        RunReports.RunState state = reports.state(id);
        RunViews.Row row = views.row(state);
        if (!row.finished()) {
            return new RunPage(row, null, List.of(), List.of(), "PENDING", 1, false);
        }
        String wanted = proposalStatus == null ? "PENDING" : proposalStatus.trim().toUpperCase(Locale.ROOT);
        ProposalStatus status;
        if (wanted.equals("ALL")) {
            status = null;
        } else {
            try {
                status = ProposalStatus.valueOf(wanted);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("proposals", "proposals must be PENDING, APPROVED, REJECTED, SUPERSEDED or ALL");
            }
        }
        int current = Math.max(1, page);
        List<LimitProposalRecord> found = proposals.ofRun(id, status, PROPOSALS_PER_PAGE + 1, (current - 1) * PROPOSALS_PER_PAGE);
        boolean more = found.size() > PROPOSALS_PER_PAGE;
        List<FailureRepository.Failure> failures = row.failed() == 0 ? List.of() : reports.failures(id, FAILURES_SHOWN);
        return new RunPage(row, views.summary(state.run()), failures, more ? found.subList(0, PROPOSALS_PER_PAGE) : found,
                wanted, current, more);
    }

    private TemplateInstance listPage(int limit, StartForm form, PageMessage message) {
        int shown = LIMITS.contains(limit) ? limit : LIMITS.get(0);
        List<RunViews.Row> rows = reports.recent(shown).stream().map(views::row).toList();
        return runs.data("nav", "runs").data("runs", rows).data("limit", shown).data("limits", LIMITS).data("form", form)
                .data("message", message).data("today", LocalDate.now(clock));
    }

    private static RunScope scopeOf(StartForm form) {
        return switch (form.scope()) {
            case "ALL" -> RunScope.all();
            case "SEGMENT" -> {
                require(form.segment(), "segment", "name the segment to re-evaluate (e.g. SMB)");
                yield RunScope.of(form.segment(), null, null);
            }
            case "REGION" -> {
                require(form.region(), "region", "name the region to re-evaluate (e.g. DACH)");
                yield RunScope.of(null, form.region(), null);
            }
            case "CUSTOMERS" -> {
                List<String> ids = Arrays.stream(form.customerIds().split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
                if (ids.isEmpty()) {
                    throw InvalidInputException.field("customerIds", "list at least one customer id (separated by spaces, commas or lines)");
                }
                yield RunScope.of(null, null, ids);
            }
            default -> throw InvalidInputException.field("scope", "scope must be ALL, SEGMENT, REGION or CUSTOMERS");
        };
    }

    private static LocalDate dayOf(String asOf) {
        if (asOf.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("asOf", "as-of date '" + asOf + "' is not a date like 2026-06-30");
        }
    }

    private static void require(String value, String field, String message) {
        if (value.isEmpty()) {
            throw InvalidInputException.field(field, message);
        }
    }

    private static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new io.salesrisk.common.problem.NotFoundException(null, what + " " + id + " does not exist");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
