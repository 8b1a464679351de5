package io.salesrisk.alert.rest;

import io.salesrisk.alert.persistence.AlertRecord;
import io.salesrisk.alert.persistence.AlertStatus;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.alert.service.AlertStream;
import io.salesrisk.common.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Alerts raised by risk signals, process KPIs and contingency plans: list, acknowledge, close, the live stream. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertResource {

    private final AlertService alerts;
    private final AlertStream stream;

    public AlertResource(AlertService alerts, AlertStream stream) {
        this.alerts = alerts;
        this.stream = stream;
    }

    /** Newest first; filter by status (OPEN, ACKNOWLEDGED, CLOSED), type and subject (e.g. a customer id). */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<AlertRecord> list(@QueryParam("status") String status, @QueryParam("type") String type,
                                  @QueryParam("subject") String subject,
                                  @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                  @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return alerts.list(status(status), type, subject, limit, offset);
    }

    /**
     * Server-sent events: every alert opened, escalated, acknowledged or closed, as it is committed. The event id is
     * the outbox sequence number; a reconnecting client's {@code Last-Event-ID} (or {@code ?after=}) resumes after it,
     * without it the stream starts with the next event. Sales users get only the events meant for sales (plans).
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("after") String after, @Context SecurityContext security) {
        Long start = AlertStream.startAfter(lastEventId, after);
        boolean reviewer = security.isUserInRole("risk-officer") || security.isUserInRole("auditor");
        stream.open(sink, sse, start, reviewer ? AlertStream.Reader.REVIEWER : AlertStream.Reader.SALES);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"risk-officer", "auditor"})
    public AlertRecord get(@PathParam("id") UUID id) {
        return alerts.get(id);
    }

    /** Someone is on it: the alert stays open, so a repeated finding still updates it. */
    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed("risk-officer")
    public AlertRecord acknowledge(@PathParam("id") UUID id) {
        return alerts.acknowledge(id);
    }

    /** Done: the next finding of the same kind opens a new alert. */
    @POST
    @Path("/{id}/close")
    @RolesAllowed("risk-officer")
    public AlertRecord close(@PathParam("id") UUID id, @Context SecurityContext security) {
        return alerts.close(id, security.getUserPrincipal().getName());
    }

    private static AlertStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AlertStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("status", "status must be OPEN, ACKNOWLEDGED or CLOSED, not '" + status + "'");
        }
    }
}
