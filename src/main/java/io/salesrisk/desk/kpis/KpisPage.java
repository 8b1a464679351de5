package io.salesrisk.desk.kpis;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.desk.common.PageMessage;
import io.salesrisk.kpi.service.Kpi;
import io.salesrisk.kpi.service.KpiBands;
import io.salesrisk.kpi.service.KpiReadingView;
import io.salesrisk.kpi.service.KpiService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KPI board: every KPI with its scopes, the latest value and band, its trend over the last 12 evaluations (an
 * inline SVG line) and the active table's bands; crossed ones highlighted. Officers can evaluate now.
 */
@Path("/desk/kpis")
public class KpisPage {

    static final int PERIODS = 12;
    static final List<String> SCOPE_KINDS = List.of("PORTFOLIO", "SEGMENT", "REGION", "REP");

    /** One KPI of one scope on the board. */
    public record Series(String scopeKind, String scope, KpiReadingView latest, List<KpiReadingView> trend) {
        public boolean crossed() {
            return latest.crossed();
        }

        public String band() {
            return latest.band() == null ? "NONE" : latest.band();
        }

        public String value() {
            return latest.value() == null ? "–" : latest.value().stripTrailingZeros().toPlainString();
        }

        /** Polyline points of the trend in a 120 × 28 box (numbers only, so nothing to escape). */
        public String points() {
            List<Double> values = trend.stream().filter(r -> r.value() != null).map(r -> r.value().doubleValue()).toList();
            if (values.isEmpty()) {
                return "";
            }
            if (values.size() == 1) {
                return "2.0,14.0 118.0,14.0"; // one evaluation so far: a flat line
            }
            java.util.DoubleSummaryStatistics range = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            double min = range.getMin();
            double max = range.getMax();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                double x = 2 + i * 116.0 / (values.size() - 1);
                double y = max == min ? 14 : 26 - (values.get(i) - min) * 24 / (max - min);
                points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            return points.toString().strip();
        }

        public String trendText() {
            return String.join(" → ", trend.stream().map(r -> r.value() == null ? "–"
                    : r.value().stripTrailingZeros().toPlainString()).toList());
        }
    }

    /** One KPI with its bands and every scope measured. */
    public record KpiCard(String name, String label, String unit, String group, List<KpiBands.Band> bands,
                          List<Series> series) {
        public long crossedCount() {
            return series.stream().filter(Series::crossed).count();
        }
    }

    private final Template template;
    private final KpiService kpis;
    private final SecurityIdentity identity;

    public KpisPage(@Location("desk/kpis/kpis.html") Template template, KpiService kpis, SecurityIdentity identity) {
        this.template = template;
        this.kpis = kpis;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response show(@QueryParam("done") String done) {
        return page("evaluated".equals(done) ? PageMessage.ok("The KPIs were evaluated; the board shows the new values.") : null);
    }

    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response evaluate() {
        try {
            kpis.evaluate(null, identity.getPrincipal().getName(), null);
            return Response.seeOther(URI.create("/desk/kpis?done=evaluated")).build();
        } catch (RuntimeException e) {
            PageMessage message = PageMessage.of(e);
            if (message == null) {
                throw e;
            }
            return page(message);
        }
    }

    private Response page(PageMessage message) {
        Map<String, List<KpiReadingView>> byKey = new LinkedHashMap<>();
        for (KpiReadingView r : kpis.recent(SCOPE_KINDS, PERIODS)) {
            byKey.computeIfAbsent(r.kpi() + "|" + r.scopeKind() + "|" + r.scope(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<KpiBands.Band>> bands = kpis.bands();
        List<KpiCard> cards = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            List<Series> series = new ArrayList<>();
            for (String kind : SCOPE_KINDS) {
                byKey.forEach((key, trend) -> {
                    KpiReadingView latest = trend.get(trend.size() - 1);
                    if (latest.kpi().equals(kpi.name()) && latest.scopeKind().equals(kind)) {
                        series.add(new Series(kind, latest.scope(), latest, trend));
                    }
                });
            }
            cards.add(new KpiCard(kpi.name(), kpi.label(), kpi.unit(), kpi.group().name(),
                    bands.getOrDefault(kpi.name(), List.of()), series));
        }
        var instance = template.data("nav", "kpis").data("message", message).data("cards", cards)
                .data("crossed", cards.stream().mapToLong(KpiCard::crossedCount).sum())
                .data("empty", byKey.isEmpty());
        return Response.status(message == null ? 200 : message.status()).entity(instance).type(MediaType.TEXT_HTML).build();
    }
}
