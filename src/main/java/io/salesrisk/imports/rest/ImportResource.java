package io.salesrisk.imports.rest;

import io.salesrisk.imports.service.ImportResult;
import io.salesrisk.imports.service.ImportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk loads from CSV files: all lines or none. */
@Path("/api/import/{kind}")
@Tag(name = "Import")
public class ImportResource {

    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    /** Imports customers, invoices, orders or sales-history; a file with any bad line gets 422 and writes nothing. */
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("risk-officer")
    public ImportResult importCsv(@PathParam("kind") String kind, String body) {
        return imports.importCsv(kind, body == null ? "" : body);
    }
}
