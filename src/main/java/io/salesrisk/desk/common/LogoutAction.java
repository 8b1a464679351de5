package io.salesrisk.desk.common;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/** Signing out drops the session cookie (the session lives in it; nothing is kept server-side). */
@Path("/desk/logout")
public class LogoutAction {

    private final String sessionCookie;

    public LogoutAction(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @POST
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/desk/login?signedOut=true")).cookie(expired).build();
    }
}
