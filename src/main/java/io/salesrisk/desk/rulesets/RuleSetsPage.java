package io.salesrisk.desk.rulesets;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.common.problem.NotAllowedException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.common.problem.ProblemDetail;
import io.salesrisk.common.problem.TooLargeException;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.ruleset.service.RuleSetService;
import io.salesrisk.ruleset.service.RuleSetUpload;
import io.salesrisk.ruleset.simulation.SimulationReport;
import io.salesrisk.ruleset.simulation.SimulationRequest;
import io.salesrisk.ruleset.simulation.SimulationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rule-set lifecycle for risk officers: every version, uploading new files, a version's files, messages,
 * scenarios, diff and impact simulation, approval by a second officer, activation and rollback. Auditors read it all.
 */
@Path("/desk/rulesets")
@RolesAllowed({"risk-officer", "auditor"})
public class RuleSetsPage {

    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{12}");
    private static final int MAX_NOTE = 1000;

    private final Template list;
    private final Template version;
    private final RuleSetViews views;
    private final RuleSetService ruleSets;
    private final SimulationService simulations;
    private final SecurityIdentity identity;
    private final Clock clock;

    public RuleSetsPage(@Location("desk/rulesets/list.html") Template list,
                        @Location("desk/rulesets/version.html") Template version, RuleSetViews views,
                        RuleSetService ruleSets, SimulationService simulations, SecurityIdentity identity, Clock clock) {
        this.list = list;
        this.version = version;
        this.views = views;
        this.ruleSets = ruleSets;
        this.simulations = simulations;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("done") String done,
                                 @QueryParam("v") String about) {
        return listPage(views.list(page, doneMessage(done, about), null, null));
    }

    /** Registers uploaded files as a new version, like the API; goes to the version's page. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response upload(@RestForm(FileUpload.ALL) List<FileUpload> uploads, @RestForm String note,
                           @RestForm String mode) {
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            return refused(422, RuleSetViews.Refusal.of("the note is too long", List.of(ProblemDetail.field("note",
                    "the note has " + cleanNote.length() + " characters; at most " + MAX_NOTE))), cleanNote);
        }
        List<RuleSetUpload.Part> parts = new ArrayList<>();
        for (FileUpload upload : uploads == null ? List.<FileUpload>of() : uploads) {
            if ((upload.fileName() == null || upload.fileName().isBlank()) && upload.size() == 0) {
                continue; // the file input left empty
            }
            try {
                parts.add(new RuleSetUpload.Part(upload.name(), upload.fileName(), Files.readAllBytes(upload.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            RuleSetService.Registration registration = ruleSets.registerUpload(parts, "replace".equalsIgnoreCase(mode),
                    identity.getPrincipal().getName(), cleanNote);
            String done = registration.created() ? "uploaded" : "existing";
            return Response.seeOther(URI.create("/desk/rulesets/" + registration.record().version() + "?done=" + done)).build();
        } catch (InvalidInputException e) {
            return refused(422, RuleSetViews.Refusal.of(e), cleanNote);
        } catch (TooLargeException e) {
            return refused(413, RuleSetViews.Refusal.of(e.getMessage(), e.errors()), cleanNote);
        } catch (ConflictException | NotAllowedException | NotFoundException e) {
            return refused(409, RuleSetViews.Refusal.of(e.getMessage(), List.of()), cleanNote);
        }
    }

    private Response refused(int status, RuleSetViews.Refusal refusal, String note) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(listPage(views.list(1, null, refusal, note))).build();
    }

    @GET
    @Path("/{version}")
    @Produces(MediaType.TEXT_HTML)
    public Response version(@PathParam("version") String version, @QueryParam("from") String from,
                            @QueryParam("done") String done, @QueryParam("previous") String previous) {
        return versionPage(200, version, from, null, null, null, doneMessage(done, previous), null);
    }

    /** One file of the version, byte for byte, as a download. */
    @GET
    @Path("/{version}/files/{path: .+}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("version") String version, @PathParam("path") String path) {
        RuleFile file;
        try {
            file = ruleSets.file(version, path);
        } catch (NotFoundException e) {
            return versionPage(404, version, null, null, null, null, null,
                    RuleSetViews.Refusal.of(e.getMessage(), List.of()));
        }
        String name = file.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(file.content(), contentType(path))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    static String contentType(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (lower.endsWith(".xls")) {
            return "application/vnd.ms-excel";
        }
        return lower.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
    }

    /** A second risk officer approves a candidate; the service refuses the author (four-eyes). */
    @POST
    @Path("/{version}/approve")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response approve(@PathParam("version") String version) {
        try {
            ruleSets.approve(version, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/desk/rulesets/" + version + "?done=approved")).build();
        } catch (RuntimeException e) {
            return actionRefused(version, e);
        }
    }

    /** Activates a version for every instance; activating an earlier (retired) version is the rollback. */
    @POST
    @Path("/{version}/activate")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response activate(@PathParam("version") String version) {
        try {
            RuleSetService.Activation activation = ruleSets.activate(version, identity.getPrincipal().getName());
            String previous = activation.previousVersion();
            return Response.seeOther(URI.create("/desk/rulesets/" + version + "?done=activated"
                    + (previous == null || previous.equals(version) ? "" : "&previous=" + previous))).build();
        } catch (RuntimeException e) {
            return actionRefused(version, e);
        }
    }

    /** Replays a period's decisions through this version and the active one; changes nothing. */
    @POST
    @Path("/{version}/simulate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed("risk-officer")
    public Response simulate(@PathParam("version") String version, @RestForm String from, @RestForm String to,
                             @RestForm String limit) {
        RuleSetViews.SimulationForm form = new RuleSetViews.SimulationForm(from, to, limit);
        List<ProblemDetail> errors = new ArrayList<>();
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        Integer max = null;
        if (limit != null && !limit.isBlank()) {
            try {
                max = Integer.parseInt(limit.strip());
                if (max < 0 || max > 10_000) {
                    errors.add(ProblemDetail.field("limit", "list at most 10,000 changed decisions (0 to 10000)"));
                }
            } catch (NumberFormatException e) {
                errors.add(ProblemDetail.field("limit", "'" + limit + "' is not a whole number"));
            }
        }
        if (!errors.isEmpty()) {
            return versionPage(422, version, null, form, null,
                    RuleSetViews.Refusal.of("the simulation cannot run with these values", errors), null, null);
        }
        try {
            SimulationReport report = simulations.simulate(version, new SimulationRequest(fromDay, toDay, max));
            return versionPage(200, version, null, form, views.simulation(report), null, null, null);
        } catch (InvalidInputException e) {
            return versionPage(422, version, null, form, null, RuleSetViews.Refusal.of(e.getMessage(), e.errors()), null, null);
        } catch (ConflictException | IllegalStateException e) {
            return versionPage(409, version, null, form, null, RuleSetViews.Refusal.of(e.getMessage(), List.of()), null, null);
        }
    }

    private static LocalDate day(String field, String value, List<ProblemDetail> errors) {
        if (value == null || value.isBlank()) {
            errors.add(ProblemDetail.field(field, field + " is required (a day such as 2026-12-01)"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(ProblemDetail.field(field, "'" + value + "' is not a day such as 2026-12-01"));
            return null;
        }
    }

    private Response actionRefused(String version, RuntimeException e) {
        int status;
        if (e instanceof ConflictException) {
            status = 409;
        } else if (e instanceof NotAllowedException) {
            status = 403;
        } else if (e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof InvalidInputException invalid) {
            return versionPage(422, version, null, null, null, null, null,
                    RuleSetViews.Refusal.of(invalid.getMessage(), invalid.errors()));
        } else {
            throw e;
        }
        return versionPage(status, version, null, null, null, null, null, RuleSetViews.Refusal.of(e.getMessage(), List.of()));
    }

    private Response versionPage(int status, String version, String from, RuleSetViews.SimulationForm form,
                                 RuleSetViews.SimulationView simulation, RuleSetViews.Refusal simulationRefusal,
                                 String message, RuleSetViews.Refusal refusal) {
        RuleSetViews.VersionView view;
        try {
            view = views.version(version, from, identity.getPrincipal().getName(), form, simulation, simulationRefusal,
                    message, refusal, LocalDate.now(clock));
        } catch (NotFoundException e) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                    .entity(listPage(views.list(1, null, RuleSetViews.Refusal.of(e.getMessage(), List.of()), null))).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(this.version.data("nav", "rulesets").data("v", view)).build();
    }

    private TemplateInstance listPage(RuleSetViews.ListView view) {
        return list.data("nav", "rulesets").data("l", view);
    }

    /** The confirmation after an action (a fixed text; only a well-formed version id is quoted). */
    private String doneMessage(String done, String about) {
        if (done == null) {
            return null;
        }
        String other = about != null && VERSION.matcher(about).matches() ? about : null;
        return switch (done) {
            case "uploaded" -> "Uploaded and registered as a new version. Review its diff and simulation; a second "
                    + "risk officer approves it before it is activated.";
            case "existing" -> "These files are already registered as this version; nothing new was stored.";
            case "approved" -> "Approved. The version can now be activated.";
            case "activated" -> "Activated: new evaluations on every instance use this version"
                    + (other == null ? "." : "; it replaced " + other + ".");
            default -> null;
        };
    }
}
