package io.salesrisk.desk.common;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Lets API uploads (multipart rule sets) through the CSRF filter, which checks every form-encoded or multipart body.
 * CSRF abuses a cookie the browser attaches by itself; the API never accepts the desk's session cookie (it is
 * configured for HTTP Basic only, see application.properties), so an API call cannot ride on a desk session and
 * needs no token. The exemption hands the CSRF filter a matching one-off token pair for /api paths, before it runs.
 */
public class ApiCsrfExemption {

    private final SecureRandom random = new SecureRandom();
    private final String cookieName;
    private final String headerName;
    private final int tokenSize;

    public ApiCsrfExemption(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String cookieName,
                            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String headerName,
                            @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16") int tokenSize) {
        this.cookieName = cookieName;
        this.headerName = headerName;
        this.tokenSize = tokenSize;
    }

    /** Runs before the CSRF filter (priority 5000). */
    @ServerRequestFilter(preMatching = true, priority = 100)
    public void exemptApi(ContainerRequestContext request, RoutingContext routing) {
        if (!routing.normalizedPath().startsWith("/api/") || routing.request().method() == HttpMethod.GET) {
            return;
        }
        byte[] bytes = new byte[tokenSize];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // the desk's CSRF cookie is scoped to /desk, so an API request carries none of its own to replace
        String cookies = routing.request().headers().get("Cookie");
        String pair = cookieName + "=" + token;
        routing.request().headers().set("Cookie", cookies == null || cookies.isBlank() ? pair : cookies + "; " + pair);
        routing.request().headers().set(headerName, token);
    }
}
