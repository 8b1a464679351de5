package io.salesrisk.ruleset;

import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.testsupport.ShippedTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static io.salesrisk.testsupport.Api.activate;
import static io.salesrisk.testsupport.Api.activeVersion;
import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.risk2;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static io.salesrisk.testsupport.Api.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Risk officers upload, inspect, approve, activate and roll back rule sets; broken or unsafe uploads change nothing. */
@QuarkusTest
class RuleSetLifecycleTest {

    private static final String XLSX = "order-credit-checks.xlsx";
    private String shipped;

    @BeforeEach
    void rememberShippedVersion() {
        shipped = activeVersion();
    }

    @AfterEach
    void restoreShippedVersion() {
        if (!activeVersion().equals(shipped)) {
            activate(shipped);
        }
    }

    private static String uploadCandidate(byte[] workbook) {
        return upload(riskOfficer(), XLSX, workbook).post("/api/rulesets").then().statusCode(201)
                .body("status", equalTo("CANDIDATE")).extract().path("version");
    }

    @Test
    void shouldShowTheActiveVersionWithItsFilesAndDownloadTheExactWorkbook() throws Exception {
        auditor().get("/api/rulesets/active").then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("scenariosPassed", equalTo(true))
                .body("files.path", hasItems("rules/order-checks.drl", "decision-tables/" + XLSX,
                        "decision-tables/scenarios/order-scenarios.csv"))
                .body("history.action", hasItem("ACTIVATED"));

        byte[] downloaded = auditor().get("/api/rulesets/" + shipped + "/files/decision-tables/" + XLSX)
                .then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(Files.readAllBytes(ShippedTables.WORKBOOK));
        auditor().get("/api/rulesets").then().statusCode(200).body("version", hasItem(shipped));
    }

    @Test
    void shouldActivateAnApprovedCandidateForNewOrdersAndRollBackInOneCall() {
        String customer = createCustomer("B", "MIDMARKET", "5000000", 60);
        byte[] workbook = ShippedTables.withCell("OrderValue", "C11", 200000);
        String candidate = uploadCandidate(workbook);
        // uploading the same file again returns the same version
        upload(riskOfficer(), XLSX, workbook).post("/api/rulesets")
                .then().statusCode(200).body("version", equalTo(candidate));

        riskOfficer().post("/api/rulesets/" + candidate + "/activate").then().statusCode(409)
                .body("detail", containsString("needs the approval of a second risk officer"));
        riskOfficer().post("/api/rulesets/" + candidate + "/approve").then().statusCode(409)
                .body("detail", containsString("four-eyes: risk wrote version " + candidate));
        risk2().post("/api/rulesets/" + candidate + "/approve").then().statusCode(200).body("approvedBy", equalTo("risk2"));
        // approving again (a retry, a second click) changes nothing and records nothing
        String approvedAt = risk2().get("/api/rulesets/" + candidate).then().extract().path("approvedAt");
        risk2().post("/api/rulesets/" + candidate + "/approve").then().statusCode(200)
                .body("approvedBy", equalTo("risk2")).body("approvedAt", equalTo(approvedAt));
        risk2().get("/api/rulesets/" + candidate).then()
                .body("history.findAll { it.action == 'APPROVED' }.size()", equalTo(1));
        riskOfficer().post("/api/rulesets/" + candidate + "/activate").then().statusCode(200)
                .body("active.version", equalTo(candidate))
                .body("previousVersion", equalTo(shipped));

        sales().body(order(uniqueId("SO"), customer, "220000", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200)
                .body("outcome", equalTo("REVIEW"))
                .body("rulesetVersion", equalTo(candidate))
                .body("reasons[0].message", containsString("maximum order value 200,000"));

        riskOfficer().post("/api/rulesets/" + shipped + "/activate").then().statusCode(200)
                .body("previousVersion", equalTo(candidate));
        sales().body(order(uniqueId("SO"), customer, "220000", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200).body("outcome", equalTo("APPROVE")).body("rulesetVersion", equalTo(shipped));
        auditor().get("/api/rulesets/" + candidate).then().statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("history.action", hasItems("REGISTERED", "APPROVED", "ACTIVATED", "RETIRED"))
                .body("history.find { it.action == 'ACTIVATED' }.previousVersion", equalTo(shipped))
                .body("history.find { it.action == 'ACTIVATED' }.actor", equalTo("risk"));
    }

    @Test
    void shouldDiffTheChangedTableRowAgainstTheActiveVersion() {
        String candidate = uploadCandidate(ShippedTables.withCell("OrderValue", "C12", 85000));

        auditor().get("/api/rulesets/" + candidate + "/diff").then().statusCode(200)
                .body("from", equalTo(shipped))
                .body("files[0].path", equalTo("decision-tables/" + XLSX))
                .body("rows[0].sheet", equalTo("OrderValue"))
                .body("rows[0].key", equalTo("Risk class = C"))
                .body("rows[0].cells[0].column", equalTo("Max order value"))
                .body("rows[0].cells[0].before", equalTo("100000"))
                .body("rows[0].cells[0].after", equalTo("85000"));
    }

    @Test
    void shouldRejectABrokenUploadAtItsCellAndKeepTheActiveVersion() {
        String rejected = upload(riskOfficer(), XLSX, ShippedTables.withCell("OrderValue", "C12", "9O000"))
                .post("/api/rulesets").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("REJECTED"))
                .body("errors[0].file", equalTo(XLSX))
                .body("errors[0].sheet", equalTo("OrderValue"))
                .body("errors[0].cell", equalTo("C12"))
                .extract().path("detail");

        assertThat(activeVersion()).isEqualTo(shipped);
        String version = rejected.replaceAll(".*version (\\w{12}).*", "$1");
        auditor().get("/api/rulesets/" + version).then().statusCode(200).body("status", equalTo("REJECTED"));
        riskOfficer().post("/api/rulesets/" + version + "/activate").then().statusCode(409);
    }

    @Test
    void shouldRefuseACandidateWhoseScenariosFailSayingWhichRow() {
        String scenarios = """
                scenario,risk_class,amount,expected_outcome
                class C large order is approved,C,150000,APPROVE
                """;
        String candidate = upload(riskOfficer(), "regression.csv", scenarios.getBytes(StandardCharsets.UTF_8))
                .post("/api/rulesets").then().statusCode(201)
                .body("scenariosPassed", equalTo(false))
                .body("scenarios.find { !it.passed }.location", equalTo("regression.csv, line 2"))
                .body("scenarios.find { !it.passed }.actual", containsString("REVIEW"))
                .extract().path("version");

        risk2().post("/api/rulesets/" + candidate + "/approve").then().statusCode(409)
                .body("detail", containsString("regression.csv, line 2"));
        riskOfficer().post("/api/rulesets/" + candidate + "/activate").then().statusCode(409);
    }

    @Test
    void shouldRefuseDangerousRulesNamingTheRuleAndLine() {
        String drl = """
                package io.salesrisk.rules;
                import io.salesrisk.facts.*;
                rule "ShutDown"
                when
                    check: OrderCheck()
                then
                    System.exit(0);
                end
                """;
        upload(riskOfficer(), "evil.drl", drl.getBytes(StandardCharsets.UTF_8)).post("/api/rulesets")
                .then().statusCode(422)
                .body("errors[0].file", equalTo("evil.drl"))
                .body("errors[0].line", equalTo(7))
                .body("errors[0].message", containsString("rule ShutDown"));
        assertThat(activeVersion()).isEqualTo(shipped);
    }

    @Test
    void shouldAcceptAZipOfRuleFolders() throws Exception {
        byte[] zip = zip("decision-tables/" + XLSX, ShippedTables.withCell("OrderValue", "C12", 80000),
                "rules/order-checks.drl", Files.readAllBytes(Path.of("rules/order-checks.drl")));

        riskOfficer().contentType("application/zip").body(zip).queryParam("note", "from a zip").post("/api/rulesets")
                .then().statusCode(201).body("status", equalTo("CANDIDATE")).body("note", equalTo("from a zip"));
    }

    @Test
    void shouldRefuseZipBombsAndXmlEntityTricks() throws Exception {
        byte[] bomb = zip("decision-tables/huge.xlsx", new byte[80 * 1024 * 1024]);
        riskOfficer().contentType("application/zip").body(bomb).post("/api/rulesets")
                .then().statusCode(422).body("errors[0].message", containsString("zip bomb"));

        upload(riskOfficer(), "entities.xlsx", withDoctype(Files.readAllBytes(ShippedTables.WORKBOOK)))
                .post("/api/rulesets").then().statusCode(422)
                .body("errors.message", hasItem(containsString("not a readable Excel workbook")));
        assertThat(activeVersion()).isEqualTo(shipped);
    }

    @Test
    void shouldSimulateACandidateOnPastDecisions() {
        String customer = createCustomer("C", "MIDMARKET", "5000000", 45);
        String changes = uniqueId("SO");
        sales().body(order(changes, customer, "95000", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().body("outcome", equalTo("APPROVE"));
        sales().body(order(uniqueId("SO"), customer, "50000", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().body("outcome", equalTo("APPROVE"));
        String candidate = uploadCandidate(ShippedTables.withCell("OrderValue", "C12", 75000));
        String today = LocalDate.now().toString();

        riskOfficer().body("{\"from\": \"" + today + "\", \"to\": \"" + today + "\", \"limit\": 1000}")
                .post("/api/rulesets/" + candidate + "/simulate").then().statusCode(200)
                .body("candidate", equalTo(candidate))
                .body("baseline", equalTo(shipped))
                .body("transitions.find { it.from == 'APPROVE' && it.to == 'REVIEW' }.count", not(equalTo(0)))
                .body("changed.find { it.orderId == '" + changes + "' }.baseline.outcome", equalTo("APPROVE"))
                .body("changed.find { it.orderId == '" + changes + "' }.candidate.outcome", equalTo("REVIEW"))
                .body("changed.find { it.orderId == '" + changes + "' }.candidate.reasons[0].message",
                        containsString("maximum order value 75,000"));
        assertThat(activeVersion()).isEqualTo(shipped);
    }

    @Test
    void shouldExplainMatchedRowsAndNearestMisses() {
        String customer = createCustomer("C", "MIDMARKET", "5000000", 45);
        String decision = sales().body(order(uniqueId("SO"), customer, "120000", "EUR", 30, "0", true))
                .post("/api/orders/evaluate").then().body("outcome", equalTo("REVIEW")).extract().path("decisionId");

        auditor().get("/api/decisions/" + decision + "/explain").then().statusCode(200)
                .body("rulesetVersion", equalTo(shipped))
                .body("tables.find { it.table == 'MaxOrderValueExceeded' }.matched[0].row", equalTo(12))
                .body("tables.find { it.table == 'MaxOrderValueExceeded' }.matched[0].conditions.text",
                        hasItems("customer.riskClass C is C (Risk class)", "order.amount 120,000.00 > 100,000 (Max order value)"))
                .body("tables.find { it.table == 'MaxOrderValueExceeded' }.matched[0].link",
                        containsString("/files/decision-tables/order-credit-checks.xlsx#sheet=OrderValue&row=12"))
                .body("tables.find { it.table == 'CreditLimitExceeded' }.nearestMiss.row", equalTo(12))
                .body("tables.find { it.table == 'CreditLimitExceeded' }.summary",
                        containsString("exposure.projectedOverLimit 0.00 is not > 0 (Tolerance over limit)"))
                .body("tables.find { it.table == 'PaymentTermsTooLong' }.summary",
                        containsString("order.paymentTermsDays 30 is not > 45 (Max payment terms (days)), 15 short"));
    }

    @Test
    void shouldLetAuditorsReadButNotChange() {
        auditor().get("/api/rulesets").then().statusCode(200);
        upload(auditor(), XLSX, new byte[]{1}).post("/api/rulesets").then().statusCode(403);
        auditor().post("/api/rulesets/" + shipped + "/activate").then().statusCode(403);
        sales().get("/api/rulesets").then().statusCode(403);
    }

    private static byte[] zip(Object... nameAndContent) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                zip.write((byte[]) nameAndContent[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The workbook with an entity declaration injected into its first sheet's XML. */
    private static byte[] withDoctype(byte[] xlsx) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    xml = xml.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void shouldRejectAContingencyWorkbookWithABrokenRegisterOrAnUnregisteredRiskType() {
        java.nio.file.Path triggers = java.nio.file.Path.of("decision-tables/contingency-triggers.xlsx");
        upload(riskOfficer(), "contingency-triggers.xlsx", ShippedTables.withCell(triggers, "Register", "D5", 7))
                .post("/api/rulesets").then().statusCode(422)
                .body("detail", containsString("REJECTED"))
                .body("errors[0].file", equalTo("contingency-triggers.xlsx"))
                .body("errors[0].sheet", equalTo("Register"))
                .body("errors[0].cell", equalTo("D5"))
                .body("errors[0].message", containsString("from 1 to 5"));

        upload(riskOfficer(), "contingency-triggers.xlsx",
                ShippedTables.withCell(triggers, "PortfolioTriggers", "C10", "CREDIT_MELTDOWN"))
                .post("/api/rulesets").then().statusCode(422)
                .body("errors[0].sheet", equalTo("PortfolioTriggers"))
                .body("errors[0].cell", equalTo("C10"))
                .body("errors[0].message", containsString("risk type 'CREDIT_MELTDOWN' is not in the risk register"));

        assertThat(activeVersion()).isEqualTo(shipped);
    }
}
