package io.salesrisk.customer.rest;

import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.customer.service.CustomerService;
import io.salesrisk.exposure.ExposureService;
import io.salesrisk.reevaluation.persistence.AssessmentHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Customer master data and credit standing. */
@Path("/api/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";

    private final CustomerService customers;
    private final ExposureService exposure;
    private final AssessmentHistory history;
    private final Clock clock;

    public CustomerResource(CustomerService customers, ExposureService exposure, AssessmentHistory history, Clock clock) {
        this.customers = customers;
        this.exposure = exposure;
        this.history = history;
        this.clock = clock;
    }

    @PUT
    @RolesAllowed("risk-officer")
    public Response put(@PathParam("id") @Pattern(regexp = ID_PATTERN) String id, @Valid @NotNull CustomerRequest request) {
        boolean created = customers.put(id, request);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(get(id)).build();
    }

    @GET
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    @Transactional
    public CustomerView get(@PathParam("id") String id) {
        var customer = customers.find(id).orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
        var standing = exposure.standing(id, BigDecimal.ZERO, null, LocalDate.now(clock))
                .orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
        return CustomerView.of(customer, standing);
    }

    /** How re-evaluation runs changed the customer's score, class, limit, terms and prepayment, newest first. */
    @GET
    @Path("/assessments")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<AssessmentHistory.AssessmentRecord> assessments(@PathParam("id") String id,
                                                               @QueryParam("limit") @DefaultValue("20") int limit) {
        customers.find(id).orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
        return history.ofCustomer(id, Math.max(1, Math.min(limit, 1000)));
    }

    /** The anomalies runs found for the customer, newest first. */
    @GET
    @Path("/signals")
    @RolesAllowed({"risk-officer", "auditor"})
    public List<AssessmentHistory.SignalRecord> signals(@PathParam("id") String id,
                                                       @QueryParam("limit") @DefaultValue("50") int limit) {
        customers.find(id).orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
        return history.signalsOfCustomer(id, Math.max(1, Math.min(limit, 1000)));
    }
}
