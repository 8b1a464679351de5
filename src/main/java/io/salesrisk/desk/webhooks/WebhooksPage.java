package io.salesrisk.desk.webhooks;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.alert.service.AlertEvents;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.desk.common.PageMessage;
import io.salesrisk.facts.Severity;
import io.salesrisk.webhook.persistence.Delivery;
import io.salesrisk.webhook.persistence.DeliveryStatus;
import io.salesrisk.webhook.persistence.Subscription;
import io.salesrisk.webhook.service.SubscriptionInput;
import io.salesrisk.webhook.service.WebhookService;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Webhook subscriptions with their state, the form to add one (its secret is shown once, on the page that answers
 * the form), enable, disable, delete; and one subscription's delivery log with Replay. Officers act, auditors read.
 */
@Path("/desk/webhooks")
public class WebhooksPage {

    static final int PER_PAGE = 25;
    private static final Map<String, String> DONE = Map.of("enabled", "The subscription is enabled; its waiting deliveries go out now.",
            "disabled", "The subscription is disabled; nothing is sent to it until it is enabled again.",
            "deleted", "The subscription and its delivery log are deleted.",
            "replayed", "The delivery is sent again, with the same webhook-id.");

    private final Template template;
    private final WebhookService webhooks;
    private final SecurityIdentity identity;

    public WebhooksPage(@Location("desk/webhooks/webhooks.html") Template template, WebhookService webhooks,
                        SecurityIdentity identity) {
        this.template = template;
        this.webhooks = webhooks;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response show(@QueryParam("show") String show, @QueryParam("status") @DefaultValue("") String status,
                         @QueryParam("page") @DefaultValue("1") int page, @QueryParam("done") String done) {
        PageMessage message = done == null || !DONE.containsKey(done) ? null : PageMessage.ok(DONE.get(done));
        return page(show, status, page, message, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response create(@FormParam("url") String url, @FormParam("description") String description,
                           @FormParam("minSeverity") String minSeverity, @FormParam("eventTypes") List<String> eventTypes) {
        try {
            Subscription created = webhooks.create(new SubscriptionInput(url, eventTypes == null ? List.of() : eventTypes,
                    minSeverity, null, description, true), identity.getPrincipal().getName());
            // the secret is shown here once: it is not stored anywhere the desk can show it again
            return page(created.id().toString(), "", 1, PageMessage.ok("The subscription is created. Give the receiver "
                    + "its signing secret now; it is not shown again."), created.secret());
        } catch (RuntimeException e) {
            PageMessage message = PageMessage.of(e);
            if (message == null) {
                throw e;
            }
            // the refusal is shown at the form, which keeps what the officer typed
            return page(null, "", 1, message, null, new Entered(url, description, minSeverity,
                    eventTypes == null ? List.of() : eventTypes));
        }
    }

    /** What an officer typed into the add form, shown again with a refusal. */
    public record Entered(String url, String description, String minSeverity, List<String> eventTypes) {
        static final Entered NOTHING = new Entered("", "", "INFO", List.of());
    }

    @POST
    @Path("/{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response enable(@PathParam("id") String id) {
        return act(id, "enabled", () -> webhooks.update(uuid(id), enabled(true), identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response disable(@PathParam("id") String id) {
        return act(id, "disabled", () -> webhooks.update(uuid(id), enabled(false), identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response delete(@PathParam("id") String id) {
        return act(null, "deleted", () -> {
            webhooks.delete(uuid(id));
            return null;
        });
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response replay(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return act(id, "replayed", () -> webhooks.replay(uuid(id), uuid(deliveryId)));
    }

    private Response act(String show, String done, Supplier<Object> action) {
        try {
            action.get();
            return Response.seeOther(URI.create("/desk/webhooks?" + (show == null ? "" : "show=" + show + "&") + "done=" + done)).build();
        } catch (RuntimeException e) {
            PageMessage message = PageMessage.of(e);
            if (message == null) {
                throw e;
            }
            return page(null, "", 1, message, null);
        }
    }

    private Response page(String show, String status, int page, PageMessage message, String secret) {
        return page(show, status, page, message, secret, null);
    }

    /** With {@code entered}, the message is the add form's refusal and is shown at the form. */
    private Response page(String show, String status, int page, PageMessage message, String secret, Entered entered) {
        PageMessage shown = message;
        List<Subscription> all = webhooks.list();
        Subscription selected = null;
        List<Delivery> log = List.of();
        boolean more = false;
        int current = Math.max(1, page);
        if (show != null && !show.isBlank()) {
            try {
                selected = webhooks.get(uuid(show));
                List<Delivery> found = webhooks.deliveries(selected.id(), status, PER_PAGE + 1, (current - 1) * PER_PAGE);
                more = found.size() > PER_PAGE;
                log = more ? found.subList(0, PER_PAGE) : found;
            } catch (RuntimeException e) {
                shown = PageMessage.of(e);
                if (shown == null) {
                    throw e;
                }
                selected = null;
            }
        }
        boolean atForm = entered != null && shown == message;
        var instance = template.data("nav", "webhooks").data("message", atForm ? null : shown)
                .data("formMessage", atForm ? shown : null).data("entered", entered == null ? Entered.NOTHING : entered)
                .data("subscriptions", all)
                .data("selected", selected).data("deliveries", log).data("status", status).data("page", current)
                .data("more", more).data("secret", secret).data("eventTypes", AlertEvents.TYPES)
                .data("severities", Arrays.stream(Severity.values()).map(Enum::name).toList())
                .data("statuses", Arrays.stream(DeliveryStatus.values()).map(Enum::name).toList());
        return Response.status(shown == null ? 200 : shown.status()).entity(instance).type(MediaType.TEXT_HTML).build();
    }

    private static SubscriptionInput enabled(boolean on) {
        return new SubscriptionInput(null, null, null, null, null, on);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException(null, "webhook " + id + " does not exist");
        }
    }
}
