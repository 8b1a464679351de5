package io.salesrisk.desk.customers;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.common.reference.ReferenceConfig;
import io.salesrisk.desk.common.DeskSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The customer list (search, filters, sorting and paging on the server) and one customer's page. Sales, risk officers
 * and auditors read customers, as the API lets them; re-evaluation results stay with officers and auditors.
 */
@Path("/desk/customers")
@RolesAllowed({DeskSession.OFFICER, DeskSession.AUDITOR, DeskSession.SALES})
public class CustomersPage {

    private final Template list;
    private final Template detail;
    private final Template missing;
    private final CustomerList customerList;
    private final CustomerDetails details;
    private final ReferenceConfig reference;
    private final DeskSession session;

    public CustomersPage(@Location("desk/customers/list.html") Template list,
                         @Location("desk/customers/detail.html") Template detail,
                         @Location("desk/customers/missing.html") Template missing, CustomerList customerList,
                         CustomerDetails details, ReferenceConfig reference, DeskSession session) {
        this.list = list;
        this.detail = detail;
        this.missing = missing;
        this.customerList = customerList;
        this.details = details;
        this.reference = reference;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("segment") String segment,
                                 @QueryParam("region") String region, @QueryParam("riskClass") String riskClass,
                                 @QueryParam("sort") String sort, @QueryParam("dir") String dir,
                                 @QueryParam("page") @DefaultValue("1") int page) {
        CustomerList.Query query = CustomerList.Query.of(q, segment, region, riskClass, sort, dir, page);
        return list.data("nav", "customers").data("p", customerList.page(query))
                .data("segments", reference.segments()).data("riskClasses", reference.riskClasses());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") String id, @QueryParam("ordersPage") @DefaultValue("1") int ordersPage) {
        try {
            return Response.ok(detail.data("nav", "customers").data("d", details.of(id, session.reviewer(), ordersPage)))
                    .build();
        } catch (NotFoundException e) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(missing.data("nav", "customers").data("id", id).data("message", e.getMessage()))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
    }
}
