package io.salesrisk.ruleset.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.ruleset.config.RulesConfig;
import io.salesrisk.ruleset.diff.RuleSetDiff;
import io.salesrisk.ruleset.persistence.RuleSetRecord;
import io.salesrisk.ruleset.service.RuleSetService;
import io.salesrisk.ruleset.service.RuleSetUpload;
import io.salesrisk.ruleset.simulation.SimulationReport;
import io.salesrisk.ruleset.simulation.SimulationRequest;
import io.salesrisk.ruleset.simulation.SimulationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Rule-set versions: upload, inspect, diff, simulate, approve, activate and roll back. */
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rule sets")
public class RuleSetResource {

    private final RuleSetService ruleSets;
    private final SimulationService simulations;
    private final RulesConfig config;
    private final SecurityIdentity identity;

    public RuleSetResource(RuleSetService ruleSets, SimulationService simulations, RulesConfig config, SecurityIdentity identity) {
        this.ruleSets = ruleSets;
        this.simulations = simulations;
        this.config = config;
        this.identity = identity;
    }

    /**
     * Uploads rule files (any number of parts: .drl, .xlsx, scenario .csv, or one .zip) as a candidate. The files are
     * laid over the active version unless {@code mode=replace}. A version that does not compile is stored as
     * REJECTED and answered with 422 and every error; the active version is untouched either way.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("risk-officer")
    public Response upload(@RestForm(FileUpload.ALL) List<FileUpload> uploads, @RestForm String note, @RestForm String mode) {
        List<RuleSetUpload.Part> parts = new ArrayList<>();
        for (FileUpload upload : uploads) {
            try {
                parts.add(new RuleSetUpload.Part(upload.name(), upload.fileName(), Files.readAllBytes(upload.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return register(parts, note, mode);
    }

    /** Uploads one zip of rule files as the request body ({@code Content-Type: application/zip}). */
    @POST
    @Consumes("application/zip")
    @RolesAllowed("risk-officer")
    public Response uploadZip(byte[] zip, @QueryParam("note") String note, @QueryParam("mode") String mode) {
        return register(List.of(new RuleSetUpload.Part("upload.zip", "upload.zip", zip == null ? new byte[0] : zip)), note, mode);
    }

    private Response register(List<RuleSetUpload.Part> parts, String note, String mode) {
        RuleSetService.Registration registration = ruleSets.registerUpload(parts, "replace".equalsIgnoreCase(mode),
                identity.getPrincipal().getName(), note);
        RuleSetView view = RuleSetView.detail(registration.record(), null, null);
        return Response.status(registration.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    /** Every version, newest first. */
    @GET
    @RolesAllowed({"risk-officer", "auditor"})
    public List<RuleSetView> list() {
        return ruleSets.list().stream().map(RuleSetView::summary).toList();
    }

    /** The version evaluations use now. */
    @GET
    @Path("/active")
    @RolesAllowed({"risk-officer", "auditor"})
    public RuleSetView active() {
        RuleSetRecord record = ruleSets.activeRecord().orElseThrow(() -> new NotFoundException(null, "no rule set is active"));
        return RuleSetView.detail(record, ruleSets.files(record.version()), ruleSets.events(record.version()));
    }

    /** One version with its messages, scenario results, files and history. */
    @GET
    @Path("/{version}")
    @RolesAllowed({"risk-officer", "auditor"})
    public RuleSetView version(@PathParam("version") String version) {
        RuleSetRecord record = ruleSets.find(version)
                .orElseThrow(() -> new NotFoundException(null, "rule set " + version + " does not exist"));
        return RuleSetView.detail(record, ruleSets.files(version), ruleSets.events(version));
    }

    /** A file of a version, byte for byte as it was uploaded or read. */
    @GET
    @Path("/{version}/files/{path: .+}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({"risk-officer", "auditor"})
    public Response file(@PathParam("version") String version, @PathParam("path") String path) {
        RuleFile file = ruleSets.file(version, path);
        String type = path.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : path.endsWith(".xls") ? "application/vnd.ms-excel"
                : path.endsWith(".csv") ? "text/csv" : "text/plain; charset=utf-8";
        return Response.ok(file.content(), type)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    /** What changed from another version (default: the active one) to this one: files, table rows, DRL rules. */
    @GET
    @Path("/{version}/diff")
    @RolesAllowed({"risk-officer", "auditor"})
    public RuleSetDiff diff(@PathParam("version") String version, @QueryParam("from") String from) {
        return ruleSets.diff(version, from);
    }

    /** Replays the decisions of a period through this version and the active one; changes nothing. */
    @POST
    @Path("/{version}/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("risk-officer")
    public SimulationReport simulate(@PathParam("version") String version, @Valid @NotNull SimulationRequest request) {
        return simulations.simulate(version, request);
    }

    /** A second risk officer (not the author) approves a candidate. */
    @POST
    @Path("/{version}/approve")
    @RolesAllowed("risk-officer")
    public RuleSetView approve(@PathParam("version") String version) {
        return RuleSetView.summary(ruleSets.approve(version, identity.getPrincipal().getName()));
    }

    /** Activates a version for every instance; activating an earlier version is the rollback. */
    @POST
    @Path("/{version}/activate")
    @RolesAllowed("risk-officer")
    public ActivationView activate(@PathParam("version") String version) {
        RuleSetService.Activation activation = ruleSets.activate(version, identity.getPrincipal().getName());
        return new ActivationView(RuleSetView.summary(activation.record()), activation.previousVersion());
    }

    /** The activated version and the one it replaced. */
    public record ActivationView(RuleSetView active, String previousVersion) {
    }
}
