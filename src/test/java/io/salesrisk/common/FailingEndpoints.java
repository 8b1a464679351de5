package io.salesrisk.common;

import io.vertx.ext.web.Router;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only endpoints that fail the way real code can (test sources are not part of the service): an exception in a
 * resource, as a failed database write would throw, and a failure below the REST layer.
 */
@Path("/test-only/fail")
@PermitAll
public class FailingEndpoints {

    @GET
    @jakarta.ws.rs.Produces("application/json")
    public String fail() {
        throw new IllegalStateException("ERROR: numeric field overflow at io.salesrisk.Secret.write(Secret.java:42)");
    }

    /** A plain Vert.x route that fails, as a broken connection or a handler below the REST layer would. */
    @ApplicationScoped
    public static class FailingRoute {

        void install(@Observes Router router) {
            router.get("/test-only/route-fail").handler(context ->
                    context.fail(new IllegalStateException("java.sql.SQLException: connection reset at Secret.java:7")));
        }
    }
}
