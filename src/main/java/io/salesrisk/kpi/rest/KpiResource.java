package io.salesrisk.kpi.rest;

import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.kpi.service.KpiEvaluation;
import io.salesrisk.kpi.service.KpiReadingView;
import io.salesrisk.kpi.service.KpiService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Process KPIs: evaluate now (with their bands from decision-tables/process-kpis.xlsx), and the stored history. */
@Path("/api/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs")
public class KpiResource {

    private final KpiService kpis;

    public KpiResource(KpiService kpis) {
        this.kpis = kpis;
    }

    /** Measures every KPI now (or as of a past day), bands it, stores it and raises or closes the KPI alerts. */
    @POST
    @Path("/evaluate")
    @RolesAllowed("risk-officer")
    public KpiEvaluation evaluate(@QueryParam("asOf") String asOf, @Context SecurityContext security) {
        return kpis.evaluate(day(asOf), security.getUserPrincipal().getName(), null).orElseThrow();
    }

    /** Stored values evaluated between two days (YYYY-MM-DD, both included), of a scope such as SEGMENT:SMB. */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<KpiReadingView> history(@QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("scope") String scope,
                                        @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return kpis.history(from, to, scope, limit);
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("asOf", "asOf must be a day as YYYY-MM-DD, not '" + text + "'");
        }
    }
}
