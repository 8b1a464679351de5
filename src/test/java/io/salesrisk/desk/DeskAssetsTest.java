package io.salesrisk.desk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.salesrisk.testsupport.DeskClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every script and stylesheet a desk page names is served by the service itself: no CDN, no broken version. */
@QuarkusTest
class DeskAssetsTest {

    @Test
    void everyAssetOfTheDashboardAndTheLoginPageIsServedLocally() {
        List<String> urls = new ArrayList<>();
        Document dashboard = DeskClient.riskOfficer().page("/desk");
        Document login = org.jsoup.Jsoup.parse(RestAssured.get("/desk/login").asString());
        for (Document page : List.of(dashboard, login)) {
            for (Element e : page.select("script[src], link[rel=stylesheet]")) {
                urls.add(e.hasAttr("src") ? e.attr("src") : e.attr("href"));
            }
        }
        assertTrue(urls.stream().anyMatch(u -> u.contains("/webjars/htmx.org/")), urls.toString());
        assertTrue(urls.stream().anyMatch(u -> u.contains("/webjars/uplot/")), urls.toString());
        for (String url : urls) {
            assertTrue(url.startsWith("/"), url + " must be served by the service, not fetched from elsewhere");
            assertEquals(200, RestAssured.get(url).statusCode(), url);
        }
    }

    @Test
    void assetsNeedNoSessionAndPagesDo() {
        assertEquals(200, RestAssured.get("/desk-assets/desk.css").statusCode());
        assertFalse(RestAssured.given().redirects().follow(false).get("/desk/worklist").statusCode() == 200);
    }
}
