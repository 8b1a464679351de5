package io.salesrisk.invoice.rest;

import io.salesrisk.invoice.service.InvoiceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invoices and their payments, as the ERP reports them. */
@Path("/api/invoices/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
public class InvoiceResource {

    private final InvoiceService invoices;

    public InvoiceResource(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @PUT
    @RolesAllowed("risk-officer")
    public Response put(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9._:/-]{1,64}") String id,
                        @Valid @NotNull InvoiceRequest request) {
        InvoiceService.Stored stored = invoices.put(request.toRow(id));
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(InvoiceView.of(stored.invoice())).build();
    }
}
