package io.salesrisk.desk.drills;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.desk.common.PageMessage;
import io.salesrisk.drill.persistence.DrillRecord;
import io.salesrisk.drill.scenario.Scenario;
import io.salesrisk.drill.service.DrillReport;
import io.salesrisk.drill.service.DrillRequest;
import io.salesrisk.drill.service.DrillService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Contingency drills on the desk: the latest drills, a form to run one (officers), and a drill's report: what would
 * change per customer, the class transition matrix, the plans and their actions, the alerts and the held orders.
 */
@Path("/desk/drills")
public class DrillsPage {

    static final int LISTED = 50;

    /** What the officer typed, kept when a drill is refused. */
    public record Form(String scenario, String customerId, String segment, String region, String industry,
                       String percent, String sharePercent, String rulesetVersion) {
        static final Form EMPTY = new Form("CUSTOMER_DEFAULT", "", "", "", "", "", "", "");
    }

    /** The class transition matrix as rows of a table. */
    public record Matrix(List<String> classes, List<MatrixRow> rows) {
    }

    public record MatrixRow(String from, List<Cell> cells) {
    }

    /** @param moved whether the cell is off the diagonal (customers changed class) */
    public record Cell(int count, boolean moved) {
    }

    private final Template list;
    private final Template report;
    private final DrillService drills;
    private final JsonText json;
    private final SecurityIdentity identity;

    public DrillsPage(@Location("desk/drills/drills.html") Template list, @Location("desk/drills/drill.html") Template report,
                      DrillService drills, JsonText json, SecurityIdentity identity) {
        this.list = list;
        this.report = report;
        this.drills = drills;
        this.json = json;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response show() {
        return page(null, Form.EMPTY);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response run(@FormParam("scenario") String scenario, @FormParam("customerId") String customerId,
                        @FormParam("segment") String segment, @FormParam("region") String region,
                        @FormParam("industry") String industry, @FormParam("percent") String percent,
                        @FormParam("sharePercent") String sharePercent, @FormParam("rulesetVersion") String rulesetVersion) {
        Form form = new Form(scenario, nn(customerId), nn(segment), nn(region), nn(industry), nn(percent), nn(sharePercent),
                nn(rulesetVersion));
        try {
            DrillRequest request = new DrillRequest(scenario, customerId, segment, region, industry,
                    number("percent", percent), number("sharePercent", sharePercent), rulesetVersion);
            DrillRecord drill = drills.run(request, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/desk/drills/" + drill.id())).build();
        } catch (RuntimeException e) {
            PageMessage message = PageMessage.of(e);
            if (message == null) {
                throw e;
            }
            return page(message, form);
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response drill(@PathParam("id") String id) {
        DrillRecord drill = parse(id).flatMap(drills::find)
                .orElseThrow(() -> new NotFoundException(null, "drill " + id + " does not exist"));
        DrillReport r = json.read(drill.reportJson(), DrillReport.class);
        return Response.ok(report.data("nav", "drills").data("drill", drill).data("r", r).data("matrix", matrix(r)))
                .type(MediaType.TEXT_HTML).build();
    }

    private Response page(PageMessage message, Form form) {
        var instance = list.data("nav", "drills").data("message", message).data("form", form)
                .data("drills", drills.recent(LISTED))
                .data("scenarios", Arrays.stream(Scenario.Kind.values()).map(Enum::name).toList());
        return Response.status(message == null ? 200 : message.status()).entity(instance).type(MediaType.TEXT_HTML).build();
    }

    /** Every class seen before or after, as a square table. */
    static Matrix matrix(DrillReport r) {
        TreeSet<String> classes = new TreeSet<>(r.classMatrix().keySet());
        r.classMatrix().values().forEach(to -> classes.addAll(to.keySet()));
        List<MatrixRow> rows = classes.stream().map(from -> new MatrixRow(from, classes.stream()
                .map(to -> new Cell(r.classMatrix().getOrDefault(from, java.util.Map.of()).getOrDefault(to, 0),
                        !from.equals(to))).toList())).toList();
        return new Matrix(List.copyOf(classes), rows);
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static BigDecimal number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw io.salesrisk.common.problem.InvalidInputException.field(field, field + " '" + value.trim() + "' is not a number");
        }
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }
}
