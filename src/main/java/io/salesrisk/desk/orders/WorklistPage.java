package io.salesrisk.desk.orders;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.desk.common.DeskFlash;
import io.salesrisk.desk.common.DeskMessage;
import io.salesrisk.hold.persistence.HoldRepository;
import io.salesrisk.hold.persistence.WorklistFilter;
import io.salesrisk.hold.service.HoldsConfig;
import io.salesrisk.hold.service.Worklist;
import io.salesrisk.hold.service.WorklistService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The held orders an officer works through: filters, counts, sorting, paging, and actions on a selection. */
@Path("/desk/worklist")
public class WorklistPage {

    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

    private final Template worklist;
    private final WorklistService service;
    private final HoldActions actions;
    private final HoldsConfig config;
    private final DeskFlash flash;
    private final SecurityIdentity identity;
    private final Clock clock;

    public WorklistPage(@Location("desk/orders/worklist.html") Template worklist, WorklistService service,
                        HoldActions actions, HoldsConfig config, DeskFlash flash, SecurityIdentity identity, Clock clock) {
        this.worklist = worklist;
        this.service = service;
        this.actions = actions;
        this.config = config;
        this.flash = flash;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public TemplateInstance show(@BeanParam WorklistQuery query, @QueryParam("flash") String flashToken) {
        WorklistFilter filter = query.filter(LocalDate.now(clock));
        Worklist page = service.page(filter, query.sortKey(), query.descending(), query.page(), query.size(), true);
        int pages = (int) Math.min(100_000, Math.max(1, (page.total() + query.size() - 1) / query.size()));
        return worklist.data("nav", "worklist").data("w", page).data("q", query).data("pages", pages)
                .data("lastPage", pages - 1)
                .data("pageSizes", PAGE_SIZES).data("releaseReasons", config.releaseReasons())
                .data("rejectReasons", config.rejectReasons()).data("releaseConditions", config.releaseConditions())
                .data("today", LocalDate.now(clock)).data("outcomes", List.of("REVIEW", "BLOCK"))
                .data("riskClasses", List.of("A", "B", "C", "D", "E"))
                .data("messages", flash.take(identity.getPrincipal().getName(), flashToken));
    }

    /** An action on the selected orders; back to the same filters and page with one message per order. */
    @POST
    @Path("/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("risk-officer")
    public Response act(@RestForm("orderId") List<String> orderIds, @BeanParam HoldActions.Form form,
                        @RestForm("back") String back) {
        List<DeskMessage> messages = actions.apply(orderIds, form, identity);
        String token = flash.put(identity.getPrincipal().getName(), messages);
        return Response.seeOther(URI.create("/desk/worklist" + WorklistQuery.safeQuery(back, "flash=" + token))).build();
    }
}
