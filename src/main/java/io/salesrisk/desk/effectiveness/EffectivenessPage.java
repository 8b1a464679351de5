package io.salesrisk.desk.effectiveness;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.salesrisk.desk.common.PageMessage;
import io.salesrisk.effectiveness.service.EffectivenessReport;
import io.salesrisk.effectiveness.service.EffectivenessReport.RuleEffectiveness;
import io.salesrisk.effectiveness.service.EffectivenessService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Rule effectiveness on the desk: a period form (GET, the last 90 days by default) and one table row per rule of the
 * versions active in it, with its firings, holds, signals and what followed; rows flagged for review highlighted with
 * the reason.
 */
@Path("/desk/effectiveness")
public class EffectivenessPage {

    static final int DEFAULT_DAYS = 90;

    /** One rule as the table shows it: figures as text ("–" where there is none). */
    public record Line(String rule, String kind, String source, String versions, long decisions, long fired,
                       long decided, String holds, String override, String badRelease, String signal, String hitRate,
                       String baseRate, String lift, boolean flagged, String flags, String reason) {

        static Line of(RuleEffectiveness r) {
            var h = r.holds();
            var s = r.signals();
            return new Line(r.rule(), r.kind(), r.source() == null ? "–" : r.source(), String.join(", ", r.versions()),
                    r.decisions(), r.fired(), r.decided(),
                    h == null ? "–" : h.held() + " held: " + h.released() + " released, " + h.rejected() + " rejected",
                    h == null ? "–" : pct(h.overridePercent()),
                    h == null ? "–" : pct(h.badReleasePercent()) + " (" + h.badReleases() + " of " + h.releasesScored()
                            + (h.releasesPending() > 0 ? ", " + h.releasesPending() + " pending" : "") + ")",
                    s == null ? "–" : s.type() + " → " + s.outcome() + ": " + s.raised() + " raised"
                            + (s.pending() > 0 ? ", " + s.pending() + " pending" : ""),
                    s == null ? "–" : pct(s.hitPercent()) + " (" + s.hits() + " of " + s.scored() + ")",
                    s == null ? "–" : pct(s.basePercent()) + " (" + s.baseHits() + " of " + s.baseCustomers() + ")",
                    s == null || s.lift() == null ? "–" : s.lift().toPlainString(),
                    r.flagged(), String.join(" ", r.flags()), r.reason() == null ? "" : r.reason());
        }

        private static String pct(BigDecimal value) {
            return value == null ? "–" : value.toPlainString() + " %";
        }
    }

    private final Template template;
    private final EffectivenessService effectiveness;
    private final Clock clock;

    public EffectivenessPage(@Location("desk/effectiveness/effectiveness.html") Template template,
                             EffectivenessService effectiveness, Clock clock) {
        this.template = template;
        this.effectiveness = effectiveness;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response show(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(clock);
        String first = from == null ? today.minusDays(DEFAULT_DAYS - 1).toString() : from;
        String last = to == null ? today.toString() : to;
        EffectivenessReport report = null;
        PageMessage message = null;
        try {
            report = effectiveness.report(first, last);
        } catch (RuntimeException e) {
            message = PageMessage.of(e);
            if (message == null) {
                throw e;
            }
        }
        List<Line> lines = report == null ? List.of() : report.rules().stream().map(Line::of).toList();
        var instance = template.data("nav", "effectiveness").data("message", message).data("from", first)
                .data("to", last).data("report", report).data("lines", lines)
                .data("orderLines", lines.stream().filter(l -> l.kind().equals("ORDER")).toList())
                .data("signalLines", lines.stream().filter(l -> !l.kind().equals("ORDER")).toList());
        return Response.status(message == null ? 200 : message.status()).entity(instance).type(MediaType.TEXT_HTML).build();
    }
}
