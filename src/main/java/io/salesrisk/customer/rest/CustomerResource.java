package io.salesrisk.customer.rest;

import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.customer.persistence.CustomerEntity;
import io.salesrisk.customer.service.CustomerService;
import io.salesrisk.customer.service.StandingSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Customer master data and credit standing. */
@Path("/api/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";

    private final CustomerService customers;
    private final StandingSource standings;

    public CustomerResource(CustomerService customers, StandingSource standings) {
        this.customers = customers;
        this.standings = standings;
    }

    @PUT
    @RolesAllowed("risk-officer")
    public Response put(@PathParam("id") @Pattern(regexp = ID_PATTERN) String id, @Valid @NotNull CustomerRequest request) {
        boolean created = customers.put(request.toRow(id));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(get(id)).build();
    }

    /**
     * The customer with today's exposure and payment behaviour as the active rules see them for a new order (with the
     * limit cut of the active contingency plans that cover it), and those plans.
     */
    @GET
    @RolesAllowed({"risk-officer", "auditor", "sales"})
    public CustomerView get(@PathParam("id") String id) {
        CustomerEntity customer = customers.find(id)
                .orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
        StandingSource.Standing standing = standings.standing(id)
                .orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
        return CustomerView.of(customer, standing);
    }
}
