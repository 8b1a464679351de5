package io.salesrisk.testsupport;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The risk desk over plain HTTP, for fast page tests without a browser: signs in through the login form, reads pages
 * as jsoup documents, and posts forms with the CSRF token the page carried.
 */
public final class DeskClient {

    public static final String SESSION_COOKIE = "salesrisk-session";
    public static final String CSRF_COOKIE = "salesrisk-csrf";
    public static final String CSRF_FIELD = "csrf-token";

    private final Map<String, String> cookies = new HashMap<>();

    private DeskClient() {
    }

    /** Signs in through {@code /j_security_check} as the browser would. */
    public static DeskClient signIn(String user, String password) {
        Response login = RestAssured.given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
        assertEquals(302, login.statusCode(), "login of " + user + " answered " + login.statusCode());
        String session = login.cookie(SESSION_COOKIE);
        assertNotNull(session, "login of " + user + " set no session cookie (wrong password?)");
        DeskClient client = new DeskClient();
        client.cookies.put(SESSION_COOKIE, session);
        return client;
    }

    public static DeskClient riskOfficer() {
        return signIn("risk", "risk123");
    }

    public static DeskClient auditor() {
        return signIn("auditor", "audit123");
    }

    public static DeskClient sales() {
        return signIn("sales", "sales123");
    }

    /** The session cookie's value, for clients other than REST Assured (an SSE client). */
    public String sessionCookie() {
        return cookies.get(SESSION_COOKIE);
    }

    /** A request carrying this session's cookies; redirects are not followed. */
    public RequestSpecification request() {
        return RestAssured.given().redirects().follow(false).cookies(cookies);
    }

    /** GETs a desk page (200 expected) and keeps the CSRF cookie it set. */
    public Document page(String path) {
        Response response = get(path);
        assertEquals(200, response.statusCode(), "GET " + path + " answered " + response.statusCode() + ": "
                + response.body().asString());
        return Jsoup.parse(response.body().asString(), RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    /** GETs a path and returns the raw answer (any status). */
    public Response get(String path) {
        Response response = request().get(path);
        keepCookies(response);
        return response;
    }

    /** POSTs a form with the CSRF token (read from the last page's cookie, as the page's hidden field carries it). */
    public Response post(String path, Map<String, ?> form) {
        String token = cookies.get(CSRF_COOKIE);
        if (token == null) {
            page("/desk");
            token = cookies.get(CSRF_COOKIE);
        }
        assertNotNull(token, "no CSRF cookie was set by the desk");
        Map<String, Object> fields = new HashMap<>(form);
        fields.put(CSRF_FIELD, token);
        Response response = request().contentType("application/x-www-form-urlencoded").formParams(fields).post(path);
        keepCookies(response);
        return response;
    }

    /** POSTs a form without any CSRF token: the desk must refuse it. */
    public Response postWithoutToken(String path, Map<String, ?> form) {
        return request().contentType("application/x-www-form-urlencoded").formParams(form).post(path);
    }

    private void keepCookies(Response response) {
        response.detailedCookies().forEach(c -> {
            if (c.getValue() == null || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }
}
