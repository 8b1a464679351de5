package io.salesrisk.effectiveness;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The rule-effectiveness report on a crafted history with answers computed by hand: orders evaluated and held through
 * the real API (so the decisions and their rule firings are the engine's), released and rejected through the hold
 * API, then moved back to a day of 2023 with the payment outcomes that followed; re-evaluation runs, signals and
 * alerts inserted with the sales and invoices that came next.
 */
@QuarkusTest
class RuleEffectivenessTest {

    private static final String EFFECTIVENESS = "/api/rules/effectiveness";
    private static final String HOLDING_RULE = "CreditLimitExceeded[B]";

    @Inject
    AgroalDataSource dataSource;

    private static String order(String orderId, String customerId, String amount) {
        return """
                {"orderId": "%s", "customerId": "%s", "amount": %s, "currency": "EUR", "orderDate": "2026-11-20",
                 "paymentTermsDays": 30, "discountPercent": 0, "contractSigned": true, "salesRep": "rep-03",
                 "requestedDeliveryDate": "2026-12-15"}
                """.formatted(orderId, customerId, amount);
    }

    private static JsonPath report(LocalDate from, LocalDate to) {
        return auditor().queryParam("from", from.toString()).queryParam("to", to.toString()).get(EFFECTIVENESS)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath report, String kind, String rule) {
        List<Map<String, Object>> rows = report.getList("rules");
        return rows.stream().filter(r -> kind.equals(r.get("kind")) && rule.equals(r.get("rule"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " row " + rule + " in " + report.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> flags(Map<String, Object> row) {
        return (List<String>) row.get("flags");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> row, String name) {
        return (Map<String, Object>) row.get(name);
    }

    /**
     * Four orders of four class-B customers 41,500 over their limit of 100,000 (BLOCK by CreditLimitExceeded[B]):
     * three released by an officer, one rejected (override rate 3 of 4 = 75.0 %, above 50 %); after the releases the
     * first customer's invoice went more than 30 days overdue, the second paid on time, the third paid 25 days late
     * (bad releases 1 of 3 = 33.3 %). One order of 1,000 approved.
     */
    @Test
    void holdsOfARuleGiveItsFiringsOverrideRateAndBadReleaseRate() {
        EffectivenessData data = new EffectivenessData(dataSource);
        LocalDate day = EffectivenessData.pastDay(1);
        List<String> customers = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String customer = createCustomer("B", "SMB", "100000", 30);
            String orderId = uniqueId("SO-EFF");
            sales().body(order(orderId, customer, "141500")).post("/api/orders/evaluate").then().statusCode(200)
                    .body("outcome", equalTo("BLOCK"));
            customers.add(customer);
            orders.add(orderId);
        }
        String approvedCustomer = createCustomer("B", "SMB", "100000", 30);
        String approved = uniqueId("SO-EFF");
        sales().body(order(approved, approvedCustomer, "1000")).post("/api/orders/evaluate").then().statusCode(200)
                .body("outcome", equalTo("APPROVE"));
        orders.add(approved);
        assertThat(data.count("SELECT COUNT(*) FROM decision_rule_firings WHERE order_id = ? AND rule = ? AND decided = TRUE"
                + " AND reaction = 'BLOCK'", orders.get(0), HOLDING_RULE)).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            riskOfficer().body("""
                    {"reasonCode": "STRATEGIC_CUSTOMER", "comment": "long-standing customer"}""")
                    .post("/api/orders/" + orders.get(i) + "/release").then().statusCode(200).body("status", equalTo("RELEASED"));
        }
        riskOfficer().body("""
                {"reasonCode": "CREDIT_RISK_TOO_HIGH"}""").post("/api/orders/" + orders.get(3) + "/reject").then()
                .statusCode(200);
        data.moveOrdersTo(orders, day);
        // what followed the releases of that day
        data.invoice(customers.get(0), day.minusDays(10), "5000", "0", null);
        data.invoice(customers.get(1), day.plusDays(5), "5000", "5000", day.plusDays(3));
        data.invoice(customers.get(2), day.plusDays(20), "5000", "5000", day.plusDays(45));
        data.invoice(customers.get(2), day.plusDays(100), "5000", "0", null);

        JsonPath report = report(day, day);

        Map<String, Object> rule = row(report, "ORDER", HOLDING_RULE);
        assertThat(rule.get("decisions")).isEqualTo(4);
        assertThat(rule.get("fired")).isEqualTo(4);
        assertThat(rule.get("decided")).isEqualTo(4);
        assertThat(rule.get("source")).asString().contains("order-credit-checks.xlsx, sheet");
        Map<String, Object> holds = part(rule, "holds");
        assertThat(holds.get("held")).isEqualTo(4);
        assertThat(holds.get("released")).isEqualTo(3);
        assertThat(holds.get("rejected")).isEqualTo(1);
        assertThat(holds.get("overridePercent")).isEqualTo(75.0f);
        assertThat(holds.get("releasesScored")).isEqualTo(3);
        assertThat(holds.get("badReleases")).isEqualTo(1);
        assertThat(holds.get("badReleasePercent")).isEqualTo(33.3f);
        assertThat(holds.get("releasesPending")).isEqualTo(0);
        assertThat(flags(rule)).containsExactly("OVERRIDE_RATE");
        assertThat(rule.get("reason")).isEqualTo("officers released 3 of 4 holds they decided (75 %), above 50 %");

        // a row of the active version that nothing fired in that day
        Map<String, Object> idle = row(report, "ORDER", "CreditLimitExceeded[A]");
        assertThat(idle.get("decisions")).isEqualTo(0);
        assertThat(flags(idle)).containsExactly("NEVER_FIRED");
        assertThat(idle.get("reason")).isEqualTo("never fired from " + day + " to " + day);
        assertThat(report.getList("versions")).contains(io.salesrisk.testsupport.Api.activeVersion());
    }

    /**
     * One run over ten customers as of a day of 2023, each buying 1,000 a month before it. SEASONAL_DROP on S1–S4:
     * S1–S3 (and S5, not signalled) then bought 100 a month: hit rate 3 of 4 = 75.0 %, base rate 4 of 10 = 40.0 %,
     * lift 1.88. ORDER_SPIKE on S9 and S10, judged by payment: neither went overdue while S6–S8 did: hit rate 0 %,
     * base rate 3 of 10 = 30.0 %, lift 0.00 (flagged). Alerts of type SEASONAL_DROP on S1 and S4: 1 of 2, lift 1.25
     * (flagged).
     */
    @Test
    void signalsAndAlertsGiveHitRateAndLiftOverTheBaseRateOfTheirRuns() {
        EffectivenessData data = new EffectivenessData(dataSource);
        LocalDate day = EffectivenessData.pastDay(180);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        OffsetDateTime created = day.minusDays(400).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<String> s = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String id = "C-EFF-" + tag + "-S" + i;
            data.customer(id, "EFFSEG" + tag, created);
            for (int m = 1; m <= 3; m++) {
                data.sales(id, day.minusMonths(m), "1000");
                data.sales(id, day.plusMonths(m), i <= 3 || i == 5 ? "100" : "1000");
            }
            s.add(id);
        }
        data.invoice(s.get(5), day.plusDays(10), "5000", "0", null);
        data.invoice(s.get(6), day.minusDays(5), "5000", "5000", day.plusDays(50));
        data.invoice(s.get(7), day.plusDays(40), "5000", "0", null);
        // paid 20 days late: not an overdue outcome
        data.invoice(s.get(8), day.plusDays(10), "5000", "5000", day.plusDays(30));
        UUID run = data.run(day, s);
        OffsetDateTime at = day.atTime(3, 0).atOffset(ZoneOffset.UTC);
        for (int i = 0; i < 4; i++) {
            data.signal(run, s.get(i), "SEASONAL_DROP", "EffSeasonalDrop" + tag, at);
        }
        data.signal(run, s.get(8), "ORDER_SPIKE", "EffOrderSpike" + tag, at);
        data.signal(run, s.get(9), "ORDER_SPIKE", "EffOrderSpike" + tag, at);
        data.alert(run, s.get(0), "SEASONAL_DROP", at);
        data.alert(run, s.get(3), "SEASONAL_DROP", at);

        JsonPath report = report(day, day);

        Map<String, Object> drop = part(row(report, "SIGNAL", "EffSeasonalDrop" + tag), "signals");
        assertThat(drop.get("type")).isEqualTo("SEASONAL_DROP");
        assertThat(drop.get("outcome")).isEqualTo("SALES_DROP");
        assertThat(drop.get("raised")).isEqualTo(4);
        assertThat(drop.get("scored")).isEqualTo(4);
        assertThat(drop.get("pending")).isEqualTo(0);
        assertThat(drop.get("hits")).isEqualTo(3);
        assertThat(drop.get("hitPercent")).isEqualTo(75.0f);
        assertThat(drop.get("baseCustomers")).isEqualTo(10);
        assertThat(drop.get("baseHits")).isEqualTo(4);
        assertThat(drop.get("basePercent")).isEqualTo(40.0f);
        assertThat(drop.get("lift")).isEqualTo(1.88f);
        assertThat(flags(row(report, "SIGNAL", "EffSeasonalDrop" + tag))).isEmpty();

        Map<String, Object> spikeRow = row(report, "SIGNAL", "EffOrderSpike" + tag);
        Map<String, Object> spike = part(spikeRow, "signals");
        assertThat(spike.get("outcome")).isEqualTo("OVERDUE");
        assertThat(spike.get("hits")).isEqualTo(0);
        assertThat(spike.get("hitPercent")).isEqualTo(0.0f);
        assertThat(spike.get("baseHits")).isEqualTo(3);
        assertThat(spike.get("basePercent")).isEqualTo(30.0f);
        assertThat(spike.get("lift")).isEqualTo(0.0f);
        assertThat(flags(spikeRow)).containsExactly("LOW_LIFT");
        assertThat(spikeRow.get("reason")).isEqualTo("lift 0 (hit rate 0 % against a base rate of 30 %), below 1.5");

        Map<String, Object> alertRow = row(report, "ALERT", "SEASONAL_DROP");
        Map<String, Object> alert = part(alertRow, "signals");
        assertThat(alert.get("raised")).isEqualTo(2);
        assertThat(alert.get("hits")).isEqualTo(1);
        assertThat(alert.get("hitPercent")).isEqualTo(50.0f);
        assertThat(alert.get("basePercent")).isEqualTo(40.0f);
        assertThat(alert.get("lift")).isEqualTo(1.25f);
        assertThat(flags(alertRow)).containsExactly("LOW_LIFT");

        // the shipped anomaly rows raised nothing that day
        List<Map<String, Object>> rows = report.getList("rules");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("kind")).isEqualTo("SIGNAL");
            assertThat(r.get("source")).asString().contains("anomaly-thresholds.xlsx");
            assertThat(flags(r)).containsExactly("NEVER_FIRED");
        });
    }

    /** A release of today and a signal of ten days ago have not reached their horizon: pending, not scored. */
    @Test
    void recentReleasesAndSignalsArePendingNotScored() {
        EffectivenessData data = new EffectivenessData(dataSource);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String customer = createCustomer("B", "SMB", "100000", 30);
        String orderId = uniqueId("SO-EFF");
        sales().body(order(orderId, customer, "141500")).post("/api/orders/evaluate").then().statusCode(200)
                .body("outcome", equalTo("BLOCK"));
        riskOfficer().body("""
                {"reasonCode": "STRATEGIC_CUSTOMER"}""").post("/api/orders/" + orderId + "/release").then().statusCode(200);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String signalled = "C-EFF-" + tag + "-P";
        data.customer(signalled, "EFFSEG" + tag, today.minusDays(400).atStartOfDay().atOffset(ZoneOffset.UTC));
        UUID run = data.run(today.minusDays(10), List.of(signalled));
        data.signal(run, signalled, "PAYMENT_DETERIORATION", "EffRecent" + tag,
                today.minusDays(10).atTime(3, 0).atOffset(ZoneOffset.UTC));

        JsonPath report = report(today.minusDays(10), today);

        Map<String, Object> holds = part(row(report, "ORDER", HOLDING_RULE), "holds");
        assertThat((Integer) holds.get("releasesPending")).isGreaterThanOrEqualTo(1);
        assertThat(holds.get("releasesScored")).isEqualTo(0);
        assertThat(holds.get("badReleasePercent")).isNull();
        Map<String, Object> signal = part(row(report, "SIGNAL", "EffRecent" + tag), "signals");
        assertThat(signal.get("raised")).isEqualTo(1);
        assertThat(signal.get("scored")).isEqualTo(0);
        assertThat(signal.get("pending")).isEqualTo(1);
        assertThat(signal.get("hitPercent")).isNull();
        assertThat(signal.get("lift")).isNull();
        assertThat(flags(row(report, "SIGNAL", "EffRecent" + tag))).isEmpty();
    }

    @Test
    void badOrMissingDaysAreRefusedNamingTheFieldAndSalesAreRefused() {
        riskOfficer().queryParam("from", "2023-13-01").queryParam("to", "2023-01-31").get(EFFECTIVENESS).then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("from"));
        riskOfficer().queryParam("from", "2023-01-01").get(EFFECTIVENESS).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("to"));
        riskOfficer().queryParam("from", "2023-02-01").queryParam("to", "2023-01-01").get(EFFECTIVENESS).then()
                .statusCode(422).body("errors.field", hasItem("from"))
                .body("errors.message", hasItem(containsString("is after to")));
        riskOfficer().queryParam("from", "2020-01-01").queryParam("to", "2023-01-01").get(EFFECTIVENESS).then()
                .statusCode(422).body("errors.field", hasItem("to"));
        sales().queryParam("from", "2023-01-01").queryParam("to", "2023-01-31").get(EFFECTIVENESS).then().statusCode(403);
        riskOfficer().queryParam("from", "2023-01-01").queryParam("to", "2023-01-31").get(EFFECTIVENESS).then()
                .statusCode(200).body("from", equalTo("2023-01-01"));
    }
}
