package io.salesrisk.desk.common;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The sign-in form. It posts to {@code /j_security_check}, Quarkus's form authentication, which checks the same user
 * store as the API and sets the encrypted session cookie.
 */
@Path("/desk/login")
public class LoginPage {

    /** As quarkus.http.auth.form.cookie-name. */
    static final String SESSION_COOKIE = "salesrisk-session";

    private final Template login;

    public LoginPage(@Location("desk/login.html") Template login) {
        this.login = login;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("error") boolean error, @QueryParam("signedOut") boolean signedOut,
                                 @CookieParam(SESSION_COOKIE) String session) {
        // a session cookie the server no longer accepts brought the browser here: it ran out
        boolean expired = !error && !signedOut && session != null && !session.isBlank();
        return login.data("error", error).data("signedOut", signedOut).data("expired", expired);
    }
}
