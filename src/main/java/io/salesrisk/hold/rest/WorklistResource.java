package io.salesrisk.hold.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.hold.persistence.HoldRepository;
import io.salesrisk.hold.persistence.RecheckRunEntity;
import io.salesrisk.hold.persistence.WorklistFilter;
import io.salesrisk.hold.service.HoldActionResult;
import io.salesrisk.hold.service.HoldService;
import io.salesrisk.hold.service.HoldStats;
import io.salesrisk.hold.service.RecheckService;
import io.salesrisk.hold.service.Worklist;
import io.salesrisk.hold.service.WorklistService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The held-order worklist, its statistics, and actions on a selection of holds. */
@Path("/api/worklist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders and holds")
public class WorklistResource {

    private static final Set<String> OUTCOMES = Set.of("REVIEW", "BLOCK");
    private static final Set<String> STATUSES = Set.of("OPEN", "PENDING_APPROVAL");

    /** Filters of a background recheck, as in the worklist's query. */
    public record Filter(@Size(max = 64) String customerId, @Size(max = 10) String outcome, @Size(max = 20) String status,
                         @Size(max = 40) String segment, @Size(max = 60) String region, @Size(max = 1) String riskClass,
                         @Size(max = 100) String salesRep, @Size(max = 200) String holdingRule,
                         @Size(max = 100) String assignedTo, Boolean followUpDue) {
    }

    public record SelectionRelease(@NotNull @Size(min = 1, max = 500) List<@NotNull @Size(max = 64) String> orderIds,
                                   @Size(max = 40) String reasonCode, @Size(max = 8) List<@Size(max = 40) String> conditions,
                                   Integer validityDays, @Size(max = 2000) String comment) {
    }

    /** Either a selection of orders (rechecked now) or a filter (a background run over the open holds). */
    public record RecheckRequest(@Size(max = 500) List<@NotNull @Size(max = 64) String> orderIds, @Valid Filter filter,
                                 @Size(max = 2000) String comment) {
    }

    /** One item of a bulk action: its HTTP-like status and what happened. */
    public record ItemResult(String orderId, int status, Object result, String error) {
    }

    private final WorklistService worklist;
    private final HoldService holds;
    private final RecheckService rechecks;
    private final HoldStats stats;
    private final SecurityIdentity identity;
    private final Clock clock;

    public WorklistResource(WorklistService worklist, HoldService holds, RecheckService rechecks, HoldStats stats,
                            SecurityIdentity identity, Clock clock) {
        this.worklist = worklist;
        this.holds = holds;
        this.rechecks = rechecks;
        this.stats = stats;
        this.identity = identity;
        this.clock = clock;
    }

    /** Open holds, oldest first by default, with counts by holding rule and age band for the same filters. */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public Worklist list(@QueryParam("customerId") @Size(max = 64) String customerId,
                         @QueryParam("outcome") String outcome, @QueryParam("status") String status,
                         @QueryParam("segment") @Size(max = 40) String segment, @QueryParam("region") @Size(max = 60) String region,
                         @QueryParam("riskClass") @Size(max = 1) String riskClass,
                         @QueryParam("salesRep") @Size(max = 100) String salesRep,
                         @QueryParam("holdingRule") @Size(max = 200) String holdingRule,
                         @QueryParam("assignedTo") @Size(max = 100) String assignedTo,
                         @QueryParam("followUpDue") Boolean followUpDue, @QueryParam("readyToRelease") Boolean readyToRelease,
                         @QueryParam("sort") @DefaultValue("AGE") String sort,
                         @QueryParam("direction") @DefaultValue("asc") String direction,
                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                         @QueryParam("size") @DefaultValue("25") @Min(1) @Max(200) int size,
                         @QueryParam("hints") @DefaultValue("true") boolean hints) {
        List<ProblemDetail> errors = new ArrayList<>();
        String outcomeValue = oneOf("outcome", outcome, OUTCOMES, errors);
        String statusValue = oneOf("status", status, STATUSES, errors);
        HoldRepository.Sort sortKey = null;
        try {
            sortKey = HoldRepository.Sort.valueOf(sort.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(ProblemDetail.field("sort", "sort " + sort + " is not known; allowed: "
                    + Arrays.toString(HoldRepository.Sort.values())));
        }
        if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
            errors.add(ProblemDetail.field("direction", "direction " + direction + " is not known; allowed: asc, desc"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the worklist query has " + errors.size() + " invalid parameter(s)", errors);
        }
        WorklistFilter filter = new WorklistFilter(customerId, outcomeValue, statusValue, segment, region, riskClass,
                salesRep, holdingRule, assignedTo, followUpDue, readyToRelease, LocalDate.now(clock));
        return worklist.page(filter, sortKey, direction.equalsIgnoreCase("desc"), page, size, hints);
    }

    /** Holds opened, released, rejected and cleared in a period, times to decision, override share per holding rule. */
    @GET
    @Path("/stats")
    @RolesAllowed({"risk-officer", "auditor"})
    public HoldStats.Stats stats(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today.plusDays(1) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        if (!start.isBefore(end)) {
            throw InvalidInputException.field("from", "from " + start + " must be before to " + end);
        }
        return stats.of(start.atStartOfDay().atOffset(ZoneOffset.UTC), end.atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    /** Releases each selected hold as if released one by one; each item says how it went. */
    @POST
    @Path("/release")
    @RolesAllowed("risk-officer")
    public List<ItemResult> release(@Valid @NotNull SelectionRelease request) {
        List<ItemResult> results = new ArrayList<>();
        for (String orderId : request.orderIds()) {
            results.add(item(orderId, () -> holds.release(orderId, new HoldService.ReleaseCommand(request.reasonCode(),
                    request.conditions(), request.validityDays(), request.comment()), identity)));
        }
        return results;
    }

    /**
     * Rechecks the selected holds now (each answer in the list), or, with a filter instead, starts a background
     * recheck of all open holds that pass it (202 with the run).
     */
    @POST
    @Path("/recheck")
    @RolesAllowed("risk-officer")
    public Response recheck(@Valid @NotNull RecheckRequest request) {
        String user = identity.getPrincipal().getName();
        if (request.orderIds() != null && !request.orderIds().isEmpty()) {
            if (request.filter() != null) {
                throw InvalidInputException.field("filter", "give either orderIds or a filter, not both");
            }
            List<ItemResult> results = new ArrayList<>();
            for (String orderId : request.orderIds()) {
                results.add(item(orderId, () -> rechecks.recheck(orderId, user, request.comment())));
            }
            return Response.ok(results).build();
        }
        Filter f = request.filter() == null ? new Filter(null, null, null, null, null, null, null, null, null, null)
                : request.filter();
        List<ProblemDetail> errors = new ArrayList<>();
        String outcome = oneOf("filter.outcome", f.outcome(), OUTCOMES, errors);
        String status = oneOf("filter.status", f.status(), STATUSES, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the filter has " + errors.size() + " invalid field(s)", errors);
        }
        RecheckRunEntity run = rechecks.start(new WorklistFilter(f.customerId(), outcome, status, f.segment(), f.region(),
                f.riskClass(), f.salesRep(), f.holdingRule(), f.assignedTo(), f.followUpDue(), null, LocalDate.now(clock)),
                "REQUEST", user);
        return Response.accepted(RunView.of(run)).location(URI.create("/api/worklist/recheck-runs/" + run.id)).build();
    }

    /** The latest background rechecks (by an officer, after a re-evaluation run, after a payment), newest first. */
    @GET
    @Path("/recheck-runs")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<RunView> runs(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return rechecks.latestRuns(limit).stream().map(RunView::of).toList();
    }

    /** A background recheck and its progress. */
    @GET
    @Path("/recheck-runs/{id}")
    @RolesAllowed({"risk-officer", "auditor"})
    public RunView run(@PathParam("id") UUID id) {
        return RunView.of(rechecks.run(id));
    }

    public record RunView(UUID id, String status, String trigger, String requestedBy, int total, int checked,
                          double progressPercent, int readyToRelease, int released, int stillHeld, int failed,
                          OffsetDateTime createdAt, OffsetDateTime finishedAt, String failure) {
        static RunView of(RecheckRunEntity r) {
            return new RunView(r.id, r.status, r.trigger, r.requestedBy, r.total, r.checked,
                    r.total == 0 ? 100.0 : Math.round(1000.0 * r.checked / r.total) / 10.0, r.cleared, r.released,
                    r.stillHeld, r.failed, r.createdAt, r.finishedAt, r.failure);
        }
    }

    private static ItemResult item(String orderId, java.util.function.Supplier<Object> action) {
        try {
            return new ItemResult(orderId, 200, action.get(), null);
        } catch (io.salesrisk.common.problem.NotFoundException e) {
            return new ItemResult(orderId, 404, null, e.getMessage());
        } catch (io.salesrisk.common.problem.ConflictException e) {
            return new ItemResult(orderId, 409, null, e.getMessage());
        } catch (io.salesrisk.common.problem.NotAllowedException e) {
            return new ItemResult(orderId, 403, null, e.getMessage());
        } catch (InvalidInputException e) {
            return new ItemResult(orderId, 422, null, e.getMessage() + (e.errors().isEmpty() ? "" : ": " + e.errors().get(0).message()));
        }
    }

    private static String oneOf(String field, String value, Set<String> allowed, List<ProblemDetail> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            errors.add(ProblemDetail.field(field, field + " " + value + " is not known; allowed: " + String.join(", ", allowed.stream().sorted().toList())));
        }
        return upper;
    }
}
