package io.salesrisk.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Maps domain and input exceptions to {@code application/problem+json}; never echoes exception class names. */
public class ProblemMappers {

    @Inject
    HttpProblems problems;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String loginPostLocation;

    @ConfigProperty(name = "quarkus.http.auth.form.error-page", defaultValue = "/")
    String loginErrorPage;

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return problem(422, "invalid-input", "Invalid input", e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLargeException e) {
        return problem(413, HttpProblems.type(413), HttpProblems.title(413), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        List<ProblemDetail> errors = e.field() == null ? List.of() : List.of(ProblemDetail.field(e.field(), e.getMessage()));
        return problem(404, "not-found", "Not found", e.getMessage(), errors);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return problem(409, "conflict", "Conflict", e.getMessage(), List.of(ProblemDetail.field(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return problem(403, "not-allowed", "Not allowed", e.getMessage(), List.of(ProblemDetail.field(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ProblemDetail> errors = e.getConstraintViolations().stream()
                .map(v -> ProblemDetail.field(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(ProblemDetail::field))
                .toList();
        return problem(422, "invalid-input", "Invalid input", "the request has " + errors.size() + " invalid field(s)", errors);
    }

    /** Jackson and Quarkus ship mappers for these exact types; ours must name them to take precedence. */
    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparseable(JsonParseException e) {
        return malformedJson(e);
    }

    /**
     * Every HTTP error the framework raises (unknown path 404, wrong method 405, not acceptable 406, body too large 413,
     * wrong content type 415, ...) as a problem document; a JSON syntax error keeps its line and column.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        String target = request.getMethod() + " /" + uri.getPath().replaceFirst("^/", "");
        String allow = e.getResponse().getHeaderString("Allow");
        Response.ResponseBuilder problem = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://salesrisk.io/problems/" + HttpProblems.type(status), HttpProblems.title(status),
                        status, problems.detail(status, target, allow), List.of()));
        if (allow != null) {
            problem.header("Allow", allow);
        }
        return problem.build();
    }

    /** No user, or credentials that do not match: 401 with the Basic challenge, so clients know to sign in. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, io.vertx.core.http.HttpServerRequest request) {
        if (request.path().equals(loginPostLocation)) {
            // a failed sign-in on the desk's form: back to the form with its message, as the form mechanism does when
            // authentication is proactive (here it is lazy, so the failure reaches the REST layer)
            return Response.status(302).header("Location", loginErrorPage).build();
        }
        return Response.fromResponse(problem(401, HttpProblems.type(401), HttpProblems.title(401),
                        problems.detail(401, null, null), List.of()))
                .header("WWW-Authenticate", "Basic realm=\"salesrisk\"").type(Problem.MEDIA_TYPE).build();
    }

    /** A signed-in user whose role does not allow the call. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, HttpProblems.type(403), HttpProblems.title(403), problems.detail(403, null, null), List.of());
    }

    /**
     * Anything unexpected: a 500 that names a reference to look for in the log, never the exception, its class or a
     * stack trace, in any profile.
     */
    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        String reference = java.util.UUID.randomUUID().toString();
        if (clientWentAway(e)) {
            // e.g. a stream's client that disconnected before its first write: nobody to answer, nothing broke
            Log.debugf("client closed the connection first, reference %s: %s", reference, e);
        } else {
            Log.errorf(e, "unexpected error, reference %s", reference);
        }
        return problem(500, HttpProblems.type(500), HttpProblems.title(500), problems.detail(500, null, reference), List.of());
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = describe(e);
            return problem(400, "malformed-request", "Malformed request", message, List.of(ProblemDetail.field(field, message)));
        }
        String message = "the body is not valid JSON"
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        return problem(400, "malformed-request", "Malformed request", message, List.of());
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target == LocalDate.class) {
                return "'" + format.getValue() + "' is not a date; expected YYYY-MM-DD";
            }
            if (target != null && Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
                return "'" + format.getValue() + "' is not a number";
            }
            if (target == boolean.class || target == Boolean.class) {
                return "'" + format.getValue() + "' is not true or false";
            }
            return "'" + format.getValue() + "' is not a valid value";
        }
        if (e.getCause() instanceof java.time.format.DateTimeParseException parse) {
            return "'" + parse.getParsedString() + "' is not a date; expected YYYY-MM-DD";
        }
        return "wrong type of value";
    }

    private static String fieldPath(ConstraintViolation<?> violation) {
        // paths look like "evaluate.request.amount": drop the method and parameter names
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    static Response problem(int status, String type, String title, String detail, List<ProblemDetail> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://salesrisk.io/problems/" + type, title, status, detail, errors))
                .build();
    }
}
