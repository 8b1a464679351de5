package io.salesrisk.reevaluation.rest;

import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.customer.service.CustomerService;
import io.salesrisk.reevaluation.persistence.AssessmentRepository;
import io.salesrisk.reevaluation.persistence.SignalRepository;
import io.salesrisk.reevaluation.service.RunReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** What re-evaluation runs did to one customer: its assessments and risk signals, newest first. */
@Path("/api/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@RolesAllowed({"risk-officer", "auditor"})
public class CustomerHistoryResource {

    private final RunReports reports;
    private final CustomerService customers;

    public CustomerHistoryResource(RunReports reports, CustomerService customers) {
        this.reports = reports;
        this.customers = customers;
    }

    /** How re-evaluation runs changed the customer's score, class, limit, terms and prepayment, newest first. */
    @GET
    @Path("/assessments")
    public List<AssessmentRepository.AssessmentRecord> assessments(@PathParam("id") String id,
                                                                  @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(1000) int limit) {
        requireCustomer(id);
        return reports.customerAssessments(id, limit);
    }

    /** The anomalies runs found for the customer, newest first. */
    @GET
    @Path("/signals")
    public List<SignalRepository.SignalRecord> signals(@PathParam("id") String id,
                                                      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        requireCustomer(id);
        return reports.customerSignals(id, limit);
    }

    private void requireCustomer(String id) {
        customers.find(id).orElseThrow(() -> new NotFoundException(null, "customer " + id + " does not exist"));
    }
}
