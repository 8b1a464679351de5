package io.salesrisk.webhook.rest;

import io.salesrisk.webhook.persistence.Delivery;
import io.salesrisk.webhook.service.SubscriptionInput;
import io.salesrisk.webhook.service.WebhookService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhook subscriptions (managed by risk officers, read by auditors) and their delivery log with replay. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookResource {

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** Creates a subscription; the answer carries its secret, which is never shown again. */
    @POST
    @RolesAllowed("risk-officer")
    public Response create(SubscriptionInput input, @Context SecurityContext security) {
        SubscriptionView created = SubscriptionView.created(webhooks.create(input == null ? empty() : input,
                security.getUserPrincipal().getName()));
        return Response.created(URI.create("/api/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<SubscriptionView> list() {
        return webhooks.list().stream().map(SubscriptionView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"risk-officer", "auditor"})
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(webhooks.get(id));
    }

    /** Changes the fields given (url, eventTypes, minSeverity, description, enabled). */
    @PATCH
    @Path("/{id}")
    @RolesAllowed("risk-officer")
    public SubscriptionView update(@PathParam("id") UUID id, SubscriptionInput input, @Context SecurityContext security) {
        return SubscriptionView.of(webhooks.update(id, input == null ? empty() : input, security.getUserPrincipal().getName()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("risk-officer")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    /** The delivery log, newest event first; filter by status (PENDING, DELIVERED, FAILED). */
    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<Delivery> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status,
                                     @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                     @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return webhooks.deliveries(id, status, limit, offset);
    }

    /** Sends one delivery again now, with the same webhook-id. */
    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @RolesAllowed("risk-officer")
    public Delivery replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.replay(id, deliveryId);
    }

    /** Sends again the deliveries of a status and/or of events created in [from, to). */
    @POST
    @Path("/{id}/replay")
    @RolesAllowed("risk-officer")
    public Map<String, Integer> replayAll(@PathParam("id") UUID id, ReplayRequest request) {
        ReplayRequest r = request == null ? new ReplayRequest(null, null, null) : request;
        return Map.of("replayed", webhooks.replay(id, r.status(), r.from(), r.to()));
    }

    private static SubscriptionInput empty() {
        return new SubscriptionInput(null, null, null, null, null, null);
    }
}
