package io.salesrisk.desk.common;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * quarkus-rest-csrf checks form and multipart bodies (the API's JSON must pass it, so it is not told to refuse
 * other bodies); this check covers the rest on the desk: an unsafe request to /desk with any other body, or none,
 * must carry the token in the X-CSRF-TOKEN header (as htmx sends it), equal to the desk's CSRF cookie. The session
 * cookie is SameSite=Strict as well, so a cross-site request carries no session in the first place.
 */
public class DeskCsrfForOtherBodies {

    private final String cookieName;
    private final String headerName;

    public DeskCsrfForOtherBodies(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String cookieName,
                                  @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String headerName) {
        this.cookieName = cookieName;
        this.headerName = headerName;
    }

    @ServerRequestFilter(preMatching = true)
    public Response requireTokenHeader(ContainerRequestContext request, RoutingContext routing) {
        HttpMethod method = routing.request().method();
        if (!routing.normalizedPath().startsWith("/desk/") || method == HttpMethod.GET || method == HttpMethod.HEAD
                || method == HttpMethod.OPTIONS || isForm(request.getMediaType())) {
            return null;
        }
        Cookie cookie = routing.request().getCookie(cookieName);
        String header = routing.request().getHeader(headerName);
        if (cookie != null && header != null && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("This desk request carries no valid CSRF token; reload the page and try again.").build();
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
