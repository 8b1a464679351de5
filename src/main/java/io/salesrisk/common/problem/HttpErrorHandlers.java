package io.salesrisk.common.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.UUID;

/**
 * Problem documents for the errors the HTTP layer answers before any resource sees the request: no route at all
 * (404), a body over the size limit (413), and anything that fails below the REST layer. Without these, such
 * answers would have empty bodies, or in development a page with a stack trace.
 */
@ApplicationScoped
public class HttpErrorHandlers {

    private static final List<Integer> HANDLED = List.of(400, 401, 403, 404, 405, 406, 413, 415, 500, 503);

    private final ObjectMapper mapper;
    private final HttpProblems problems;
    private final long maxBodyBytes;

    public HttpErrorHandlers(ObjectMapper mapper, HttpProblems problems,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.mapper = mapper;
        this.problems = problems;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // a body announced larger than the limit: Quarkus's own check (the next route) would end it with an empty 413
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                answer(context, 413);
            } else {
                context.next();
            }
        });
        for (int status : HANDLED) {
            router.errorHandler(status, context -> answer(context, status));
        }
        // failures below the REST layer (a body over the limit, a broken connection): before Quarkus's own error page
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (isAuthentication(context.failure())) {
                // Quarkus answers these itself: a Basic challenge for the API, the login form for the desk
                context.next();
                return;
            }
            int status = context.statusCode() >= 400 ? context.statusCode() : 500;
            if (HANDLED.contains(status)) {
                answer(context, status);
            } else {
                context.next();
            }
        });
    }

    private static boolean isAuthentication(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.quarkus.security.AuthenticationException) {
                return true;
            }
        }
        return false;
    }

    private void answer(RoutingContext context, int status) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        String reference = null;
        if (status == 500) {
            reference = UUID.randomUUID().toString();
            Log.errorf(context.failure(), "unexpected error below the REST layer, reference %s", reference);
        }
        String target = context.request().method() + " " + context.request().path();
        String detail = problems.detail(status, target, status == 500 ? reference : response.headers().get("Allow"));
        try {
            String body = mapper.writeValueAsString(new Problem("https://salesrisk.io/problems/" + HttpProblems.type(status),
                    HttpProblems.title(status), status, detail, List.of()));
            response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
            if (status == 401 && !response.headers().contains("WWW-Authenticate")) {
                response.putHeader("WWW-Authenticate", "Basic realm=\"salesrisk\"");
            }
            response.end(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.setStatusCode(status).end();
        }
    }
}
