package io.salesrisk.kpi;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * KPI evaluation end to end, on rows whose KPIs are computed by hand below, in a segment and region of their own
 * (the portfolio holds every other test's data). As of 2026-06-30 with the 90-day window: invoices issued after
 * 2026-04-01 are the credit sales, holds and decisions from 2026-04-02T00:00Z to 2026-07-01T00:00Z count.
 */
@QuarkusTest
class KpiEvaluationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Inject
    AgroalDataSource dataSource;

    private KpiData data;
    private String segment;
    private String region;
    private String customer;
    private String rep;

    @BeforeEach
    void setUp() {
        data = new KpiData(dataSource);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        segment = "KPISEG" + tag;
        region = "KPIREG" + tag;
        rep = "kpi-rep-" + tag;
        customer = "C-KPI-" + tag;
        data.customer(customer, segment, region);
    }

    /**
     * Receivables: A 10,000 due 03-31 unpaid (overdue more than 90 days), B 20,000 due 05-31 unpaid (overdue),
     * C 30,000 due 07-15 unpaid (current), D 40,000 issued 04-10 paid in full, E 5,000 issued 03-15 paid 04-20.
     * Closing AR 60,000, current 30,000, overdue 30,000, >90 days 10,000; credit sales B+C+D 90,000; opening AR A+E 15,000.
     */
    private void receivables() {
        data.invoice(customer, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "10000", "0", null);
        data.invoice(customer, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), "20000", "0", null);
        data.invoice(customer, LocalDate.of(2026, 6, 15), LocalDate.of(2026, 7, 15), "30000", "0", null);
        data.invoice(customer, LocalDate.of(2026, 4, 10), LocalDate.of(2026, 5, 10), "40000", "40000", LocalDate.of(2026, 5, 9));
        data.invoice(customer, LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 14), "5000", "5000", LocalDate.of(2026, 4, 20));
    }

    @Test
    void creditKpisComputedByHandGetTheirBandsAndRows() {
        receivables();

        Map<String, Map<String, Object>> kpis = segmentReadings(evaluate());

        // DSO = 60,000 x 90 / 90,000 = 60.0 (WATCH from 60); best DSO = 30,000 x 90 / 90,000 = 30.0; ADD = 30.0
        assertReading(kpis, "DSO", 60.0, "WATCH", "DsoWatch");
        assertReading(kpis, "BEST_DSO", 30.0, "OK", "BestDsoOk");
        assertReading(kpis, "ADD", 30.0, "ALERT", "AddAlert");
        // CEI = (15,000 + 90,000 - 60,000) / (15,000 + 90,000 - 30,000) = 45,000 / 75,000 = 60.0 %
        assertReading(kpis, "CEI", 60.0, "ALERT", "CeiAlert");
        assertReading(kpis, "OVERDUE_SHARE", 50.0, "ALERT", "OverdueAlert");
        // 10,000 / 60,000 = 16.7 %
        assertReading(kpis, "OVER_90_SHARE", 16.7, "ALERT", "Over90Alert");
        assertThat(kpis.get("DSO").get("row")).isEqualTo("process-kpis.xlsx, sheet Kpis, row 11");
        assertThat(kpis.get("DSO").get("message")).isEqualTo("DSO 60 days: two months of sales or more are outstanding");
        assertThat(kpis.get("CEI").get("period")).isEqualTo("90 days to 2026-06-30");
    }

    @Test
    void orderHandlingShippingAndContractKpis() {
        OffsetDateTime june = OffsetDateTime.parse("2026-06-01T00:00:00Z");
        String late = data.order(customer, "1000", LocalDate.of(2026, 6, 1), false, rep, LocalDate.of(2026, 6, 10), "SHIPPED");
        String onTime = data.order(customer, "2000", LocalDate.of(2026, 6, 2), true, rep, LocalDate.of(2026, 6, 20), "SHIPPED");
        String unsigned = data.order(customer, "60000", LocalDate.of(2026, 6, 5), false, rep, null, "APPROVED");
        String held = data.order(customer, "3000", LocalDate.of(2026, 6, 9), true, rep, null, "IN_REVIEW");
        data.shipped(late, OffsetDateTime.parse("2026-06-12T10:00:00Z"));
        data.shipped(onTime, OffsetDateTime.parse("2026-06-19T10:00:00Z"));
        // 4 decisions in the window, one BLOCK: 25 %
        data.decision(late, customer, "APPROVE", june);
        data.decision(onTime, customer, "APPROVE", june);
        data.decision(unsigned, customer, "BLOCK", june);
        data.decision(held, customer, "REVIEW", june);
        // decided: 12 h (released, discount above ceiling), 30 h (rejected), 72 h (released); one re-hold still open
        data.hold(late, customer, segment, region, "|DiscountAboveCeiling[SMB]|", false,
                OffsetDateTime.parse("2026-06-01T08:00:00Z"), "RELEASED", OffsetDateTime.parse("2026-06-01T20:00:00Z"));
        data.hold(onTime, customer, segment, region, "|CreditLimitExceeded[C]|", false,
                OffsetDateTime.parse("2026-06-02T00:00:00Z"), "REJECTED", OffsetDateTime.parse("2026-06-03T06:00:00Z"));
        data.hold(unsigned, customer, segment, region, "|CreditLimitExceeded[C]|", false,
                OffsetDateTime.parse("2026-06-05T00:00:00Z"), "RELEASED", OffsetDateTime.parse("2026-06-08T00:00:00Z"));
        data.hold(held, customer, segment, region, "|CreditLimitExceeded[C]|", true,
                OffsetDateTime.parse("2026-06-10T00:00:00Z"), "OPEN", null);

        Map<String, Map<String, Object>> kpis = segmentReadings(evaluate());

        assertReading(kpis, "MEDIAN_HOURS_TO_DECISION", 30.0, "WATCH", "DecisionTimeWatch");
        // released 2 of 3 decided
        assertReading(kpis, "OVERRIDE_SHARE", 66.7, "WATCH", "OverrideWatch");
        // 1 re-hold per 2 releases
        assertReading(kpis, "REHOLD_RATE", 50.0, "ALERT", "ReholdAlert");
        assertReading(kpis, "HELD_WAITING_LONG", 1.0, "OK", "WaitingOk");
        assertReading(kpis, "BLOCKED_SHARE", 25.0, "ALERT", "BlockedAlert");
        assertReading(kpis, "LATE_SHIPMENT_SHARE", 50.0, "ALERT", "LateShipAlert");
        assertReading(kpis, "UNSIGNED_CONTRACTS", 1.0, "WATCH", "UnsignedWatch");
        assertReading(kpis, "DISCOUNT_OVERRIDES", 1.0, "WATCH", "DiscountWatch");
    }

    @Test
    void salesDropAndAttainmentAgainstImportedTargets() {
        // the three months to May 2026: 50,000 + 50,000 + 80,000 = 180,000; a year before 3 x 100,000 = 300,000
        for (int month = 3; month <= 5; month++) {
            data.sales(customer, LocalDate.of(2026, month, 1), month == 5 ? "80000" : "50000");
            data.sales(customer, LocalDate.of(2025, month, 1), "100000");
        }
        data.order(customer, "5000", LocalDate.of(2026, 5, 10), true, rep, null, "APPROVED");
        riskOfficer().contentType("text/csv").body("scope_kind,scope,month,amount\n"
                        + "SEGMENT," + segment + ",2026-05,100000\nREGION," + region + ",2026-05,80000\nREP," + rep + ",2026-05,10000\n")
                .post("/api/import/targets").then().statusCode(200).body("created", equalTo(3));

        JsonPath evaluation = evaluate();

        Map<String, Map<String, Object>> kpis = segmentReadings(evaluation);
        // (300,000 - 180,000) / 300,000 = 40 %
        assertReading(kpis, "SALES_DROP", 40.0, "ALERT", "SalesDropAlert");
        assertReading(kpis, "ATTAINMENT", 80.0, "WATCH", "AttainmentWatch");
        assertThat(kpis.get("ATTAINMENT").get("period")).isEqualTo("2026-05");
        assertReading(readings(evaluation, "REGION", region), "ATTAINMENT", 100.0, "OK", "AttainmentOk");
        assertReading(readings(evaluation, "REP", rep), "ATTAINMENT", 50.0, "ALERT", "AttainmentAlert");
    }

    @Test
    void aCrossedKpiOpensAnAlertRepeatsItAndClosesItWhenItRecovers() {
        receivables();
        String subject = "DSO:SEGMENT:" + segment;

        evaluate();
        riskOfficer().queryParam("type", "KPI_THRESHOLD").queryParam("subject", subject).get("/api/alerts").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].status", equalTo("OPEN"))
                .body("[0].severity", equalTo("MEDIUM")).body("[0].occurrences", equalTo(1))
                .body("[0].values.value", equalTo("60.0")).body("[0].values.rule", equalTo("DsoWatch"))
                .body("[0].values.row", equalTo("process-kpis.xlsx, sheet Kpis, row 11"))
                .body("[0].values.inputs.receivables", equalTo("60000"))
                .body("[0].message", containsString("of segment " + segment + ": DSO 60 days"))
                // not from a re-evaluation run (the desk would link it to one); the evaluation is named in the values
                .body("[0].runId", org.hamcrest.Matchers.nullValue())
                .body("[0].values.evaluationId", org.hamcrest.Matchers.notNullValue());

        JsonPath again = evaluate();
        assertThat(again.getInt("alertsRepeated")).isGreaterThanOrEqualTo(1);
        riskOfficer().queryParam("type", "KPI_THRESHOLD").queryParam("subject", subject).get("/api/alerts").then()
                .body("size()", equalTo(1)).body("[0].status", equalTo("OPEN")).body("[0].occurrences", equalTo(2));

        // B and A are paid: receivables 30,000, DSO = 30,000 x 90 / 90,000 = 30.0, back within
        data.run("UPDATE invoices SET paid_amount = amount, paid_date = ? WHERE customer_id = ? AND due_date < ?",
                LocalDate.of(2026, 6, 29), customer, LocalDate.of(2026, 6, 30));
        JsonPath recovered = evaluate();
        assertReading(segmentReadings(recovered), "DSO", 30.0, "OK", "DsoOk");
        assertThat(recovered.getInt("alertsClosed")).isGreaterThanOrEqualTo(1);
        riskOfficer().queryParam("type", "KPI_THRESHOLD").queryParam("subject", subject).get("/api/alerts").then()
                .body("size()", equalTo(1)).body("[0].status", equalTo("CLOSED")).body("[0].closedBy", equalTo("system"))
                .body("[0].closeNote", equalTo("DSO of segment " + segment + " is back within its threshold: 30.0 days"
                        + " (90 days to 2026-06-30, band OK by row DsoOk, process-kpis.xlsx, sheet Kpis, row 10)"));
    }

    @Test
    void historyByScopeAndDays() {
        receivables();
        evaluate();
        String today = LocalDate.now().toString();

        auditor().queryParam("from", today).queryParam("to", today).queryParam("scope", "SEGMENT:" + segment)
                .get("/api/kpis").then().statusCode(200)
                .body("kpi", hasItems("DSO", "CEI", "OVERDUE_SHARE"))
                .body("find { it.kpi == 'DSO' }.band", equalTo("WATCH"))
                .body("find { it.kpi == 'DSO' }.inputs.creditSales", equalTo("90000"));
        auditor().queryParam("from", "2020-01-01").queryParam("to", "2020-01-31").queryParam("scope", "SEGMENT:" + segment)
                .get("/api/kpis").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void badParametersAre422WithTheField() {
        auditor().queryParam("from", "2026-13-01").get("/api/kpis").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        auditor().queryParam("from", "2026-06-02").queryParam("to", "2026-06-01").get("/api/kpis").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        auditor().queryParam("scope", "COUNTRY:DE").get("/api/kpis").then().statusCode(422)
                .body("errors[0].field", equalTo("scope"));
        riskOfficer().queryParam("asOf", "yesterday").post("/api/kpis/evaluate").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        riskOfficer().queryParam("asOf", LocalDate.now().plusDays(2).toString()).post("/api/kpis/evaluate").then()
                .statusCode(422).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void onlyRiskOfficersEvaluate() {
        auditor().post("/api/kpis/evaluate").then().statusCode(403);
        sales().get("/api/kpis").then().statusCode(403);
    }

    @Test
    void targetsImportRefusesBadLinesAtLineAndField() {
        riskOfficer().contentType("text/csv").body("scope_kind,scope,month,amount\n"
                        + "COUNTRY,DE,2026-05,100\nSEGMENT,SMB,2026-13,100\nREGION,DACH,2026-05,-5\nREP,,2026-05,10\n")
                .post("/api/import/targets").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("nothing was imported"))
                .body("errors.find { it.line == 2 }.field", equalTo("scope_kind"))
                .body("errors.find { it.line == 2 }.value", equalTo("COUNTRY"))
                .body("errors.find { it.line == 3 }.field", equalTo("month"))
                .body("errors.find { it.line == 4 }.field", equalTo("amount"))
                .body("errors.find { it.line == 5 }.field", equalTo("scope"));
    }

    private JsonPath evaluate() {
        return riskOfficer().queryParam("asOf", AS_OF.toString()).post("/api/kpis/evaluate").then().statusCode(200)
                .extract().jsonPath();
    }

    private Map<String, Map<String, Object>> segmentReadings(JsonPath evaluation) {
        return readings(evaluation, "SEGMENT", segment);
    }

    private static Map<String, Map<String, Object>> readings(JsonPath evaluation, String kind, String scope) {
        List<Map<String, Object>> all = evaluation.getList("readings");
        Map<String, Map<String, Object>> byKpi = new java.util.HashMap<>();
        all.stream().filter(r -> kind.equals(r.get("scopeKind")) && scope.equals(r.get("scope")))
                .forEach(r -> byKpi.put((String) r.get("kpi"), r));
        return byKpi;
    }

    private static void assertReading(Map<String, Map<String, Object>> kpis, String kpi, double value, String band, String rule) {
        assertThat(kpis).as(kpi).containsKey(kpi);
        Map<String, Object> reading = kpis.get(kpi);
        assertThat(((Number) reading.get("value")).doubleValue()).as(kpi + " value").isCloseTo(value, org.assertj.core.api.Assertions.within(0.001));
        assertThat(reading.get("band")).as(kpi + " band").isEqualTo(band);
        assertThat(reading.get("rule")).as(kpi + " rule").isEqualTo(rule);
    }
}
