package io.salesrisk.desk.backtests;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.backtest.persistence.BacktestRepository.StoredBacktest;
import io.salesrisk.backtest.service.BacktestView;
import io.salesrisk.backtest.service.BacktestReport;
import io.salesrisk.backtest.service.BacktestService;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.desk.common.PageMessage;
import io.salesrisk.reevaluation.run.RunScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Backtests on the desk: the latest backtests and the start form (a candidate version can be backtested from its
 * rule-set page before activation); one backtest with its live progress and, once done, its scores per signal type,
 * severity and table row against what happened next.
 */
@Path("/desk/backtests")
public class BacktestsPage {

    /** What the officer typed, shown again with a refusal. */
    public record StartForm(String version, String asOf, String horizonMonths, String segment, String region) {
    }

    /** One signal type: its line at any severity, the severities, and the table rows. */
    public record TypeScores(String signalType, List<BacktestReport.Score> all, List<BacktestReport.Score> severities,
                             List<BacktestReport.Score> rows) {
    }

    private final Template list;
    private final Template detail;
    private final Template live;
    private final BacktestService backtests;
    private final SecurityIdentity identity;
    private final Clock clock;

    public BacktestsPage(@Location("desk/backtests/backtests.html") Template list,
                         @Location("desk/backtests/backtest.html") Template detail,
                         @Location("desk/backtests/live.html") Template live, BacktestService backtests,
                         SecurityIdentity identity, Clock clock) {
        this.list = list;
        this.detail = detail;
        this.live = live;
        this.backtests = backtests;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public TemplateInstance show(@QueryParam("version") String version) {
        return listPage(new StartForm(text(version), defaultAsOf().toString(), "3", "", ""), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response start(@FormParam("version") String version, @FormParam("asOf") String asOf,
                          @FormParam("horizonMonths") String horizonMonths, @FormParam("segment") String segment,
                          @FormParam("region") String region) {
        StartForm form = new StartForm(text(version), text(asOf), text(horizonMonths), text(segment), text(region));
        try {
            StoredBacktest started = backtests.start(form.version(), RunScope.of(form.segment(), form.region(), null),
                    day(form.asOf()), months(form.horizonMonths()), identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/desk/backtests/" + started.id())).build();
        } catch (RuntimeException e) {
            PageMessage message = PageMessage.of(e);
            if (message == null) {
                throw e;
            }
            return Response.status(message.status()).entity(listPage(form, message)).type(MediaType.TEXT_HTML).build();
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response backtest(@PathParam("id") String id) {
        return render(detail, id);
    }

    /** The live part: progress while running, the report once done; polled every second while running. */
    @GET
    @Path("/{id}/live")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response live(@PathParam("id") String id) {
        return render(live, id);
    }

    private Response render(Template template, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return missing();
        }
        return backtests.find(uuid).map(b -> {
            BacktestReport report = backtests.report(b);
            return Response.ok(template.data("nav", "backtests").data("b", BacktestView.of(b, report))
                    .data("r", report).data("types", report == null ? List.of() : byType(report.signals()))
                    .data("orderScores", report == null || report.orders() == null ? List.of() : byType(report.orders().scores())))
                    .type(MediaType.TEXT_HTML).build();
        }).orElseGet(this::missing);
    }

    private Response missing() {
        return Response.status(404).entity(listPage(new StartForm("", defaultAsOf().toString(), "3", "", ""),
                PageMessage.error(404, "No such backtest."))).type(MediaType.TEXT_HTML).build();
    }

    static List<TypeScores> byType(List<BacktestReport.Score> scores) {
        Map<String, List<BacktestReport.Score>> byType = new LinkedHashMap<>();
        for (BacktestReport.Score score : scores) {
            byType.computeIfAbsent(score.signalType(), t -> new java.util.ArrayList<>()).add(score);
        }
        return byType.entrySet().stream().map(e -> new TypeScores(e.getKey(),
                e.getValue().stream().filter(s -> s.rule() == null && s.severity().equals("ALL")).toList(),
                e.getValue().stream().filter(s -> s.rule() == null && !s.severity().equals("ALL")).toList(),
                e.getValue().stream().filter(s -> s.rule() != null).toList())).toList();
    }

    private TemplateInstance listPage(StartForm form, PageMessage message) {
        return list.data("nav", "backtests").data("form", form).data("message", message)
                .data("backtests", backtests.latest(50).stream().map(b -> BacktestView.of(b, null)).toList())
                .data("latestAsOf", LocalDate.now(clock).minusMonths(1).toString());
    }

    /** Three months back, so the default 3-month horizon has passed. */
    private LocalDate defaultAsOf() {
        return LocalDate.now(clock).minusMonths(3).withDayOfMonth(1);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static LocalDate day(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("asOf", "asOf must be a day as YYYY-MM-DD, not '" + text + "'");
        }
    }

    private static Integer months(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("horizonMonths", "horizonMonths must be a whole number of months, not '" + text + "'");
        }
    }
}
