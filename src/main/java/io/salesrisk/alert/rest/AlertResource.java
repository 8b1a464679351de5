package io.salesrisk.alert.rest;

import io.salesrisk.alert.persistence.AlertRecord;
import io.salesrisk.alert.persistence.AlertStore;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Alerts raised by risk signals and contingency plans: list, acknowledge, close. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertResource {

    private final AlertStore alerts;
    private final Clock clock;

    public AlertResource(AlertStore alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Newest first; filter by status (OPEN, ACKNOWLEDGED, CLOSED), type and subject (e.g. a customer id). */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<AlertRecord> list(@QueryParam("status") String status, @QueryParam("type") String type,
                                  @QueryParam("subject") String subject,
                                  @QueryParam("limit") @DefaultValue("100") int limit,
                                  @QueryParam("offset") @DefaultValue("0") int offset) {
        return alerts.list(status(status), type, subject, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"risk-officer", "auditor"})
    public AlertRecord get(@PathParam("id") UUID id) {
        return alerts.find(id).orElseThrow(() -> new NotFoundException(null, "alert " + id + " does not exist"));
    }

    /** Someone is on it: the alert stays open, so a repeated finding still updates it. */
    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed("risk-officer")
    public AlertRecord acknowledge(@PathParam("id") UUID id) {
        AlertRecord alert = get(id);
        if (!alerts.acknowledge(id)) {
            throw new ConflictException("status", "alert " + id + " is " + alert.status() + "; only an OPEN alert can be acknowledged");
        }
        return get(id);
    }

    /** Done: the next finding of the same kind opens a new alert. */
    @POST
    @Path("/{id}/close")
    @RolesAllowed("risk-officer")
    public AlertRecord close(@PathParam("id") UUID id, @Context SecurityContext security) {
        AlertRecord alert = get(id);
        if (!alerts.close(id, security.getUserPrincipal().getName(), OffsetDateTime.now(clock))) {
            throw new ConflictException("status", "alert " + id + " is " + alert.status() + " already");
        }
        return get(id);
    }

    private static AlertStore.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AlertStore.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("status", "status must be OPEN, ACKNOWLEDGED or CLOSED, not '" + status + "'");
        }
    }
}
