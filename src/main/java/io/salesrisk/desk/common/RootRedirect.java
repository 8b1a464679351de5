package io.salesrisk.desk.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The service's address opens the risk desk. A plain route, not a REST resource at "/", which would shadow the
 * static files (WebJars, desk assets) served under the root.
 */
@ApplicationScoped
public class RootRedirect {

    void install(@Observes Router router) {
        router.get("/").handler(rc -> rc.response().setStatusCode(303).putHeader("Location", "/desk").end());
    }
}
