package io.salesrisk.desk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.salesrisk.testsupport.Api;
import io.salesrisk.testsupport.DeskClient;
import io.salesrisk.testsupport.ShippedTables;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.salesrisk.testsupport.Api.activeVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The rule-set pages over HTTP: the list, uploads good and broken, a version's diff, approval, activation, rollback. */
@QuarkusTest
class DeskRuleSetsPageTest {

    private static final String XLSX = "order-credit-checks.xlsx";
    private String shipped;

    @BeforeEach
    void rememberActiveVersion() {
        shipped = activeVersion();
    }

    @AfterEach
    void restoreActiveVersion() {
        if (!activeVersion().equals(shipped)) {
            Api.activate(shipped);
        }
    }

    /** Posts the list page's upload form as multipart, the CSRF field first, as the browser does. */
    static Response upload(DeskClient client, String fileName, byte[] content, String note) {
        Document page = client.page("/desk/rulesets");
        String token = page.selectFirst("#upload-form input[name=" + DeskClient.CSRF_FIELD + "]").val();
        return client.request().multiPart(DeskClient.CSRF_FIELD, token).multiPart("file", fileName, content)
                .multiPart("note", note).post("/desk/rulesets");
    }

    /** Class B's maximum order value (shipped above 220,000) lowered to a value no other test uses; scenarios pass. */
    static byte[] goodWorkbook() {
        return ShippedTables.withCell("OrderValue", "C11", ThreadLocalRandom.current().nextInt(130_001, 199_999));
    }

    private static Document html(Response response) {
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.body().asString());
    }

    @Test
    void theListShowsEveryVersionWithTheActiveOneMarkedAndTheUploadForm() {
        Document page = DeskClient.riskOfficer().page("/desk/rulesets");
        Element active = page.selectFirst("#versions tr[data-version=" + shipped + "]");
        assertNotNull(active, "the active version is listed");
        assertThat(active.hasClass("matched")).isTrue();
        assertThat(active.select(".badge").text()).contains("ACTIVE");
        assertThat(active.text()).contains("● active");
        assertThat(page.selectFirst("#active-version").text()).isEqualTo(shipped);
        assertThat(page.select("nav a[aria-current=page]").text()).isEqualTo("Rule sets");

        Element form = page.selectFirst("#upload-form");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.child(0).attr("name")).isEqualTo(DeskClient.CSRF_FIELD);
        assertThat(form.select("input[type=file][multiple][name=file]")).hasSize(1);
        assertThat(form.select("[data-dropzone=upload-files]")).hasSize(1);
        assertThat(page.select("#activations tbody tr").text()).contains(shipped);
    }

    @Test
    void auditorsReadEverythingButSeeNoForms() {
        DeskClient auditor = DeskClient.auditor();
        Document list = auditor.page("/desk/rulesets");
        assertThat(list.select("#versions tr[data-version=" + shipped + "]")).hasSize(1);
        assertThat(list.select("main form")).isEmpty();
        assertThat(list.select("#upload-form")).isEmpty();

        Document version = auditor.page("/desk/rulesets/" + shipped);
        assertThat(version.select("main form[method=post]")).isEmpty();
        assertThat(version.select("#actions, #approve, #activate, #rollback, #simulation-form")).isEmpty();
        assertThat(version.select("#files a").eachAttr("href"))
                .contains("/desk/rulesets/" + shipped + "/files/decision-tables/" + XLSX);
        assertThat(version.select("#scenario-results tbody tr")).isNotEmpty();

        assertEquals(403, auditor.post("/desk/rulesets/" + shipped + "/activate", Map.of()).statusCode());
    }

    @Test
    void salesCannotOpenTheRuleSetPages() {
        DeskClient sales = DeskClient.sales();
        assertEquals(403, sales.get("/desk/rulesets").statusCode());
        assertEquals(403, sales.get("/desk/rulesets/" + shipped).statusCode());
        assertEquals(403, sales.get("/desk/rulesets/" + shipped + "/files/decision-tables/" + XLSX).statusCode());
        assertEquals(403, sales.post("/desk/rulesets/" + shipped + "/activate", Map.of()).statusCode());
        assertThat(sales.page("/desk").select("nav a[href=/desk/rulesets]")).isEmpty();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        DeskClient officer = DeskClient.riskOfficer();
        officer.page("/desk/rulesets");
        assertEquals(400, officer.postWithoutToken("/desk/rulesets/" + shipped + "/activate", Map.of()).statusCode());
        assertEquals(400, officer.request().multiPart("file", XLSX, ShippedTables.withCell("OrderValue", "C11", 123_456))
                .post("/desk/rulesets").statusCode());
        assertEquals(400, officer.postWithoutToken("/desk/rulesets/" + shipped + "/simulate",
                Map.of("from", "2026-01-01", "to", "2026-01-02")).statusCode());
        assertThat(activeVersion()).isEqualTo(shipped);
    }

    @Test
    void aBrokenUploadShowsItsFileSheetAndCell() {
        Response response = upload(DeskClient.riskOfficer(), XLSX, ShippedTables.withCell("OrderValue", "C12", "9O000"),
                "typo in class C");
        assertEquals(422, response.statusCode());
        Document page = html(response);
        Element refused = page.selectFirst("#upload-refused");
        assertNotNull(refused);
        assertThat(refused.attr("role")).isEqualTo("alert");
        assertThat(refused.hasClass("error")).isTrue();
        assertThat(refused.text()).contains("REJECTED");
        Element error = page.selectFirst("#upload-errors tbody tr");
        assertThat(error.child(0).text()).isEqualTo(XLSX);
        assertThat(error.child(1).text()).isEqualTo("OrderValue");
        assertThat(error.selectFirst("[data-cell]").text()).isEqualTo("C12");
        assertThat(error.child(4).text()).isNotBlank();

        String rejected = page.selectFirst("#rejected-version").attr("href");
        Document version = DeskClient.auditor().page(rejected);
        assertThat(version.selectFirst("#state").text()).isEqualTo("REJECTED");
        assertThat(version.select("#compile-messages [data-cell]").text()).contains("C12");
        assertThat(activeVersion()).isEqualTo(shipped);
    }

    @Test
    void refusedInputIsShownAsAPageMessage() {
        Response response = upload(DeskClient.riskOfficer(), "notes.txt", "hello".getBytes(), "");
        assertEquals(422, response.statusCode());
        Document page = html(response);
        assertThat(page.selectFirst("#upload-refused").text()).contains("the upload cannot be used");
        assertThat(page.select("#upload-errors").text()).contains("notes.txt").contains("not a rule file");

        assertEquals(404, DeskClient.auditor().get("/desk/rulesets/000000000000").statusCode());
        assertThat(html(DeskClient.auditor().get("/desk/rulesets/000000000000")).selectFirst("#upload-refused").text())
                .contains("does not exist");
    }

    @Test
    void severalFilesOrOneZipAreRegisteredAsOneVersion() throws Exception {
        DeskClient risk = DeskClient.riskOfficer();
        byte[] scenarios = (Files.readString(java.nio.file.Path.of("decision-tables/scenarios/order-scenarios.csv"))
                + "small class A order " + Api.uniqueId("S") + ",A,ENTERPRISE,1000000,,,,,100,30,,,true,APPROVE,,,\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String token = risk.page("/desk/rulesets").selectFirst("#upload-form input[name=" + DeskClient.CSRF_FIELD + "]").val();
        Response two = risk.request().multiPart(DeskClient.CSRF_FIELD, token).multiPart("file", XLSX, goodWorkbook())
                .multiPart("file", "order-scenarios.csv", scenarios).multiPart("note", "two files").post("/desk/rulesets");
        assertEquals(303, two.statusCode());
        Document page = risk.page(two.header("Location"));
        assertThat(page.selectFirst("#state").text()).isEqualTo("CANDIDATE");
        assertThat(page.selectFirst("#diff-files").text()).contains("decision-tables/" + XLSX)
                .contains("decision-tables/scenarios/order-scenarios.csv");
        assertThat(page.select("#scenario-results tbody tr")).hasSize(16);

        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("decision-tables/" + XLSX));
            out.write(goodWorkbook());
            out.closeEntry();
        }
        Response zipped = upload(risk, "rules.zip", zip.toByteArray(), "from a zip");
        assertEquals(303, zipped.statusCode());
        assertThat(risk.page(zipped.header("Location")).selectFirst("#facts").text()).contains("from a zip");
        assertThat(activeVersion()).isEqualTo(shipped);
    }

    @Test
    void aFileDownloadsByteForByteWithItsTypeAndName() throws Exception {
        Response file = DeskClient.auditor().get("/desk/rulesets/" + shipped + "/files/decision-tables/" + XLSX);
        assertEquals(200, file.statusCode());
        assertThat(file.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.header("Content-Disposition")).startsWith("attachment; filename=\"" + XLSX + "\"");
        assertThat(file.asByteArray()).isEqualTo(Files.readAllBytes(ShippedTables.WORKBOOK));

        Response csv = DeskClient.auditor().get("/desk/rulesets/" + shipped + "/files/decision-tables/scenarios/order-scenarios.csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertEquals(404, DeskClient.auditor().get("/desk/rulesets/" + shipped + "/files/rules/none.drl").statusCode());
    }

    @Test
    void aGoodUploadIsDiffedApprovedByASecondOfficerActivatedAndRolledBack() {
        DeskClient risk = DeskClient.riskOfficer();
        Response uploaded = upload(risk, XLSX, goodWorkbook(), "<script>alert(1)</script> class B lowered");
        assertEquals(303, uploaded.statusCode());
        String location = uploaded.header("Location");
        assertThat(location).contains("/desk/rulesets/").contains("done=uploaded");
        String version = location.replaceAll(".*/desk/rulesets/(\\w{12}).*", "$1");

        Document page = risk.page("/desk/rulesets/" + version + "?done=uploaded");
        assertThat(page.selectFirst("#state").text()).isEqualTo("CANDIDATE");
        assertThat(page.selectFirst("#done").text()).contains("Uploaded");
        assertThat(page.select("script").stream().noneMatch(s -> s.html().contains("alert(1)"))).isTrue();
        assertThat(page.selectFirst("#facts").text()).contains("<script>alert(1)</script> class B lowered");
        Element row = page.selectFirst("#diff-rows tbody tr");
        assertThat(row.text()).contains("OrderValue").contains("Risk class = B").contains("Max order value");
        assertThat(page.select("#diff-files").text()).contains("decision-tables/" + XLSX).contains("CHANGED");
        // the author may not approve: no button, and the service's four-eyes refusal when posted anyway
        assertThat(page.select("#approve")).isEmpty();
        assertThat(page.select("#own-version")).hasSize(1);
        assertThat(page.select("#activate")).isEmpty();
        assertThat(page.selectFirst("#blocked").text()).contains("Four-eyes");
        Response own = risk.post("/desk/rulesets/" + version + "/approve", Map.of());
        assertEquals(409, own.statusCode());
        assertThat(html(own).selectFirst("#refused").text()).contains("four-eyes: risk wrote version " + version);
        Response early = risk.post("/desk/rulesets/" + version + "/activate", Map.of());
        assertEquals(409, early.statusCode());
        assertThat(html(early).selectFirst("#refused[role=alert]").text()).contains("needs the approval");

        DeskClient risk2 = DeskClient.signIn("risk2", "risk123");
        assertThat(risk2.page("/desk/rulesets/" + version).select("#approve")).hasSize(1);
        Response approved = risk2.post("/desk/rulesets/" + version + "/approve", Map.of());
        assertEquals(303, approved.statusCode());
        assertThat(approved.header("Location")).endsWith("?done=approved");

        Document approvedPage = risk.page("/desk/rulesets/" + version);
        assertThat(approvedPage.selectFirst("#approved-by").text()).startsWith("risk2");
        assertThat(approvedPage.select("#activate")).hasSize(1);
        Response activated = risk.post("/desk/rulesets/" + version + "/activate", Map.of());
        assertEquals(303, activated.statusCode());
        assertThat(activated.header("Location")).contains("done=activated").contains("previous=" + shipped);
        assertThat(activeVersion()).isEqualTo(version);

        Document activePage = risk.page("/desk/rulesets/" + version + "?done=activated&previous=" + shipped);
        assertThat(activePage.selectFirst("#state").text()).isEqualTo("ACTIVE");
        assertThat(activePage.selectFirst("#done").text()).contains("replaced " + shipped);
        assertThat(activePage.selectFirst("#rollback").text()).isEqualTo("Roll back to " + shipped);
        assertThat(activePage.select("#diff-rows").text()).contains("Risk class = B"); // against the version it replaced
        assertThat(risk.page("/desk/rulesets").selectFirst("#rollback").text()).isEqualTo("Roll back to " + shipped);
        assertThat(activePage.select("#events tbody").text()).contains("REGISTERED").contains("APPROVED").contains("ACTIVATED");

        Response rolledBack = risk.post("/desk/rulesets/" + shipped + "/activate", Map.of());
        assertEquals(303, rolledBack.statusCode());
        assertThat(activeVersion()).isEqualTo(shipped);
        Document list = risk.page("/desk/rulesets");
        assertThat(list.selectFirst("#versions tr[data-version=" + version + "] .badge").text()).isEqualTo("RETIRED");
        assertThat(list.select("#activations tbody tr").first().text()).contains(shipped).contains(version);
    }

    @Test
    void theSimulationShowsCountsTheTransitionMatrixAndBothExplanations() {
        String customer = Api.createCustomer("B", "MIDMARKET", "5000000", 60);
        String order = Api.uniqueId("SO");
        Api.sales().body(Api.order(order, customer, "210000", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200);
        DeskClient risk = DeskClient.riskOfficer();
        String version = upload(risk, XLSX, goodWorkbook(), "simulated").header("Location")
                .replaceAll(".*/desk/rulesets/(\\w{12}).*", "$1");
        String today = LocalDate.now().toString();

        Response simulated = risk.post("/desk/rulesets/" + version + "/simulate",
                Map.of("from", today, "to", today, "limit", "500"));
        assertEquals(200, simulated.statusCode());
        Document page = html(simulated);
        assertThat(Long.parseLong(page.selectFirst("#sim-decisions").text())).isPositive();
        assertThat(Long.parseLong(page.selectFirst("#sim-changed").text())).isPositive();
        Element approveToReview = page.selectFirst("#sim-matrix td[data-from=APPROVE][data-to=REVIEW]");
        assertThat(Long.parseLong(approveToReview.text())).isPositive();
        Element changed = page.selectFirst("#sim-changed-list tr[data-order=" + order + "]");
        assertNotNull(changed, "the changed order is listed");
        assertThat(changed.child(3).text()).startsWith("APPROVE");
        assertThat(changed.child(4).text()).startsWith("REVIEW").contains("MaxOrderValueExceeded");
        assertThat(activeVersion()).isEqualTo(shipped);

        Response wrong = risk.post("/desk/rulesets/" + version + "/simulate", Map.of("from", today, "to", "2020-01-01"));
        assertEquals(422, wrong.statusCode());
        assertThat(html(wrong).selectFirst("#simulation-refused").text()).contains("is before from");
        Response garbled = risk.post("/desk/rulesets/" + version + "/simulate", Map.of("from", "yesterday", "to", today));
        assertEquals(422, garbled.statusCode());
        assertThat(html(garbled).selectFirst("#simulation-refused").text()).contains("'yesterday' is not a day");
    }
}
