package io.salesrisk.desk.alerts;

import io.salesrisk.desk.common.PageMessage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.alert.persistence.AlertRecord;
import io.salesrisk.alert.persistence.AlertStatus;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.alert.service.AlertStream;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanStatus;
import io.salesrisk.contingency.service.PlanService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Alerts with filters and paging, acknowledge and close; below them the contingency plans, active by default, with
 * End for risk officers. Alerts are for risk officers and auditors (as the API); plans are read by sales as well.
 */
@Path("/desk/alerts")
public class AlertsPage {

    static final int PER_PAGE = 25;
    static final List<String> ALERT_STATUSES = List.of("OPEN", "ACKNOWLEDGED", "CLOSED");
    static final List<String> PLAN_STATUSES = List.of("ACTIVE", "ENDED", "ALL");
    private static final Map<String, String> DONE = Map.of("acknowledged", "The alert is acknowledged.",
            "closed", "The alert is closed; the next finding of the same kind opens a new one.",
            "ended", "The plan has ended; the next run activates it again if its trigger still holds.");

    /** The page's filters and pages, as query parameters and as the hidden fields of its action forms. */
    public static class Filters {
        @QueryParam("status") @DefaultValue("") public String status;
        @QueryParam("type") @DefaultValue("") public String type;
        @QueryParam("subject") @DefaultValue("") public String subject;
        @QueryParam("page") @DefaultValue("1") public int page;
        @QueryParam("plans") @DefaultValue("ACTIVE") public String plans;
        @QueryParam("plansPage") @DefaultValue("1") public int plansPage;

        void normalise() {
            status = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
            type = type == null ? "" : type.trim();
            subject = subject == null ? "" : subject.trim();
            plans = plans == null || plans.isBlank() ? "ACTIVE" : plans.trim().toUpperCase(Locale.ROOT);
            page = Math.max(1, page);
            plansPage = Math.max(1, plansPage);
        }

        public String previousLink() {
            return withPages(page - 1, plansPage, "");
        }

        public String nextLink() {
            return withPages(page + 1, plansPage, "");
        }

        public String previousPlansLink() {
            return withPages(page, plansPage - 1, "#plans");
        }

        public String nextPlansLink() {
            return withPages(page, plansPage + 1, "#plans");
        }

        private String withPages(int alertsPage, int planPage, String anchor) {
            Filters other = new Filters();
            other.status = status;
            other.type = type;
            other.subject = subject;
            other.plans = plans;
            other.page = alertsPage;
            other.plansPage = planPage;
            return "/desk/alerts" + other.query() + anchor;
        }

        /** The filters as a query string ("?status=OPEN&page=2", or empty), for the action forms to come back to. */
        public String query() {
            StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
            add(query, "status", status, !status.isEmpty());
            add(query, "type", type, !type.isEmpty());
            add(query, "subject", subject, !subject.isEmpty());
            add(query, "page", String.valueOf(page), page > 1);
            add(query, "plans", plans, !plans.equals("ACTIVE"));
            add(query, "plansPage", String.valueOf(plansPage), plansPage > 1);
            return query.toString();
        }

        /** The page with these filters, plus {@code done}. */
        URI uri(String done, String anchor) {
            String query = query();
            String doneParam = "done=" + URLEncoder.encode(done, StandardCharsets.UTF_8);
            return URI.create("/desk/alerts" + (query.isEmpty() ? "?" : query + "&") + doneParam
                    + (anchor == null ? "" : "#" + anchor));
        }

        private static void add(StringJoiner query, String name, String value, boolean wanted) {
            if (wanted) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    private final Template alertsTemplate;
    private final AlertService alerts;
    private final PlanService plans;
    private final SecurityIdentity identity;
    private final AlertStream stream;

    public AlertsPage(@Location("desk/alerts/alerts.html") Template alertsTemplate, AlertService alerts, PlanService plans,
                      SecurityIdentity identity, AlertStream stream) {
        this.alertsTemplate = alertsTemplate;
        this.alerts = alerts;
        this.plans = plans;
        this.identity = identity;
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    public Response show(@BeanParam Filters filters, @QueryParam("done") String done) {
        filters.normalise();
        PageMessage message = done == null || !DONE.containsKey(done) ? null : PageMessage.ok(DONE.get(done));
        return page(filters, message);
    }

    /**
     * The desk's own door to the live alert stream (the session cookie signs it in; the API's stream takes basic
     * auth): the alert list, its plans and the dashboard's tiles reload their part when an event arrives.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("after") String after) {
        boolean reviewer = identity.hasRole("risk-officer") || identity.hasRole("auditor");
        stream.open(sink, sse, AlertStream.startAfter(lastEventId, after),
                reviewer ? AlertStream.Reader.REVIEWER : AlertStream.Reader.SALES);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response acknowledge(@PathParam("id") String id, @BeanParam Filters filters) {
        return act(filters, "acknowledged", null, () -> alerts.acknowledge(uuid(id, "alert")));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response close(@PathParam("id") String id, @BeanParam Filters filters) {
        return act(filters, "closed", null, () -> alerts.close(uuid(id, "alert"), identity.getPrincipal().getName()));
    }

    @POST
    @Path("/plans/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response endPlan(@PathParam("id") String id, @FormParam("reason") String reason, @BeanParam Filters filters) {
        return act(filters, "ended", "plans", () -> plans.end(uuid(id, "contingency plan"), identity.getPrincipal().getName(),
                reason == null ? null : reason.strip()));
    }

    private Response act(Filters filters, String done, String anchor, Runnable action) {
        filters.normalise();
        try {
            action.run();
            return Response.seeOther(filters.uri(done, anchor)).build();
        } catch (RuntimeException e) {
            PageMessage message = PageMessage.of(e);
            if (message == null) {
                throw e;
            }
            return page(filters, message);
        }
    }

    private Response page(Filters filters, PageMessage message) {
        PageMessage shown = message;
        boolean reviewer = identity.hasRole("risk-officer") || identity.hasRole("auditor");
        List<AlertRecord> alertRows = List.of();
        boolean moreAlerts = false;
        if (reviewer) {
            AlertStatus status = null;
            if (!filters.status.isEmpty()) {
                if (ALERT_STATUSES.contains(filters.status)) {
                    status = AlertStatus.valueOf(filters.status);
                } else {
                    shown = PageMessage.of(InvalidInputException.field("status",
                            "status must be OPEN, ACKNOWLEDGED or CLOSED, not '" + filters.status + "'"));
                    filters.status = "";
                }
            }
            List<AlertRecord> found = alerts.list(status, filters.type, filters.subject, PER_PAGE + 1,
                    (filters.page - 1) * PER_PAGE);
            moreAlerts = found.size() > PER_PAGE;
            alertRows = moreAlerts ? found.subList(0, PER_PAGE) : found;
        }
        if (!PLAN_STATUSES.contains(filters.plans)) {
            shown = PageMessage.of(InvalidInputException.field("plans", "plans must be ACTIVE, ENDED or ALL, not '"
                    + filters.plans + "'"));
            filters.plans = "ACTIVE";
        }
        List<PlanRecord> foundPlans = plans.list(filters.plans.equals("ALL") ? null : PlanStatus.valueOf(filters.plans),
                PER_PAGE + 1, (filters.plansPage - 1) * PER_PAGE);
        boolean morePlans = foundPlans.size() > PER_PAGE;
        TemplateInstance page = alertsTemplate.data("nav", "alerts").data("f", filters).data("message", shown)
                .data("alerts", alertRows).data("moreAlerts", moreAlerts).data("reviewer", reviewer)
                .data("plans", morePlans ? foundPlans.subList(0, PER_PAGE) : foundPlans).data("morePlans", morePlans)
                .data("alertStatuses", ALERT_STATUSES).data("planStatuses", PLAN_STATUSES);
        int status = shown == null ? 200 : shown.status();
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML).build();
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(null, what + " " + id + " does not exist");
        }
    }

}
