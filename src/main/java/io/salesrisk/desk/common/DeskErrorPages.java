package io.salesrisk.desk.common;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.salesrisk.common.problem.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A desk page the signed-in user's role may not open answers with a page saying so, not the API's problem
 * document; everywhere else the API's answer stands.
 */
public class DeskErrorPages {

    private final Template forbidden;
    private final ProblemMappers problems;

    public DeskErrorPages(@Location("desk/common/forbidden.html") Template forbidden, ProblemMappers problems) {
        this.forbidden = forbidden;
        this.problems = problems;
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        if (!request.path().startsWith("/desk")) {
            return problems.forbidden(e);
        }
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                .entity(forbidden.data("path", request.path()).render()).build();
    }
}
