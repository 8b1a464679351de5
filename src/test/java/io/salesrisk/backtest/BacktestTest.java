package io.salesrisk.backtest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.salesrisk.testsupport.ProfileData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.activeVersion;
import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Backtests through the REST API on PostgreSQL: crafted histories in a region of their own, with planted purchase
 * gaps of which a known number came true, give known precision, recall and lift; a new account is assessed, broken
 * data is a failed item; stored order decisions are replayed; nothing live changes.
 */
@QuarkusTest
public class BacktestTest {

    /** Far enough back that the 3-month horizon has passed. */
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    /** Live tables a backtest must not touch, with the columns whose contents are compared. */
    private static final Map<String, String> LIVE = new LinkedHashMap<>();

    static {
        LIVE.put("customers", "id, risk_class, credit_limit, score, payment_terms_days, prepayment_required");
        LIVE.put("customer_assessments", "run_id, customer_id");
        LIVE.put("risk_signals", "id");
        LIVE.put("alerts", "id, status, occurrences");
        LIVE.put("contingency_plans", "id, status");
        LIVE.put("limit_proposals", "id, status");
        LIVE.put("reevaluation_runs", "id, status");
        LIVE.put("holds", "id, status");
        LIVE.put("decisions", "id");
        LIVE.put("outbox_events", "seq");
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldScorePlantedPurchaseGapsWithKnownPrecisionRecallAndLift() throws Exception {
        String region = uniqueId("BT");
        // 4 customers bought every month for 20 months and then stopped 4 months before the as-of day: a pause of
        // 5 usual intervals, PURCHASE_GAP HIGH. 3 of them never came back (the outcome: sales of the next 3 months
        // below half of their usual), 1 resumed buying.
        for (int i = 1; i <= 4; i++) {
            ProfileData gap = ProfileData.customer(region + "-gap" + i).region(region);
            for (int back = 5; back <= 24; back++) {
                gap.sale(AS_OF, back, "1000");
            }
            if (i == 4) {
                afterAsOf(gap, "1000");
            }
            gap.insert(dataSource);
        }
        // 8 steady buyers without a signal; one of them stops after the as-of day (a churn the signal missed)
        for (int i = 1; i <= 8; i++) {
            ProfileData steady = ProfileData.customer(region + "-steady" + i).region(region).flatSales(AS_OF, 24, "1000");
            if (i != 1) {
                afterAsOf(steady, "1000");
            }
            steady.insert(dataSource);
        }
        // a new account (2 months of history) is assessed, not failed; one without any history by then was no customer
        // yet and is left out; negative sales are broken data, a failed item
        ProfileData young = ProfileData.customer(region + "-new").region(region).sale(AS_OF, 1, "1000").sale(AS_OF, 2, "1000");
        afterAsOf(young, "1000");
        young.insert(dataSource);
        ProfileData.customer(region + "-later").region(region).insert(dataSource);
        ProfileData.customer(region + "-broken").region(region).flatSales(AS_OF, 24, "1000").sale(AS_OF, 2, "-50")
                .insert(dataSource);
        // an order decided before the as-of day (its decision back-dated): replayed through the version
        String orderId = uniqueId("BT-O");
        riskOfficer().body(order(orderId, region + "-gap1", "900000.00", "EUR", 30, "0", true))
                .post("/api/orders/evaluate").then().statusCode(200);
        execute("UPDATE decisions SET evaluated_at = TIMESTAMP WITH TIME ZONE '2026-05-15 10:00:00+00' WHERE order_id = '"
                + orderId + "'");
        Map<String, String> before = liveChecksums();

        String id = riskOfficer().body(Map.of("asOf", AS_OF.toString(), "horizonMonths", 3, "region", region))
                .post("/api/backtests").then().statusCode(202)
                .body("status", equalTo("RUNNING")).body("scope", equalTo("region:" + region))
                .body("customersTotal", equalTo(15)).extract().path("id");
        JsonPath done = awaitCompleted(id);

        assertThat(done.getInt("progressPercent")).isEqualTo(100);
        assertThat(done.getInt("report.customersAssessed")).isEqualTo(13);
        assertThat(done.getInt("report.customersFailed")).isEqualTo(1);
        assertThat(done.getInt("report.customersNotYetKnown")).isEqualTo(1);
        assertThat(done.getInt("customersDone")).isEqualTo(15);
        assertThat(done.getString("report.failures[0].customerId")).isEqualTo(region + "-broken");
        Map<String, Object> gap = score(done, "PURCHASE_GAP", "ALL", null);
        assertThat(gap).containsEntry("outcome", "SALES_DROP").containsEntry("flagged", 4).containsEntry("hits", 3)
                .containsEntry("positives", 4).containsEntry("population", 13)
                .containsEntry("measuredBy", "SignalOutcomes[PURCHASE_GAP]");
        assertThat(gap.get("precision")).hasToString("0.75");
        assertThat(gap.get("recall")).hasToString("0.75");
        // (3 / 4) / (4 / 13) = 39 / 16
        assertThat(gap.get("lift")).hasToString("2.44");
        assertThat(gap.get("alertRate")).hasToString("0.3077");
        assertThat(score(done, "PURCHASE_GAP", "HIGH", null)).containsEntry("flagged", 4);
        assertThat(done.getList("report.signals.findAll { it.signalType == 'PURCHASE_GAP' && it.rule != null }.rule", String.class))
                .isNotEmpty().allSatisfy(rule -> assertThat(rule).startsWith("PurchaseGap["));
        assertThat(done.getString("report.highAlertRate")).isEqualTo("0.3077");
        assertThat(done.getList("report.baseRates.findAll { it.outcome == 'SALES_DROP' }.withOutcome", Integer.class))
                .containsExactly(4);
        // the order decided on 15 May is replayed: 900,000 against a limit of 100,000 is held
        assertThat(done.getInt("report.orders.replayed")).isEqualTo(1);
        assertThat(done.getInt("report.orders.held")).isEqualTo(1);
        assertThat(done.getList("report.orders.scores.findAll { it.severity == 'ALL' }.flagged", Integer.class))
                .containsExactly(1);

        assertThat(liveChecksums()).isEqualTo(before);
        auditor().get("/api/backtests").then().statusCode(200).body("find { it.id == '" + id + "' }.report", equalTo(null));
    }

    @Test
    void shouldBacktestACandidateVersionAndRefuseWhatCannotRun() {
        String version = activeVersion();
        riskOfficer().body(Map.of("asOf", AS_OF.toString(), "rulesetVersion", version, "region", "Nowhere-" + UUID.randomUUID()))
                .post("/api/backtests").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("region"));
        riskOfficer().body(Map.of("asOf", AS_OF.toString(), "rulesetVersion", "000000000000"))
                .post("/api/backtests").then().statusCode(422).body("errors[0].field", equalTo("rulesetVersion"));
        riskOfficer().body(Map.of("asOf", LocalDate.now().minusMonths(1).toString()))
                .post("/api/backtests").then().statusCode(422).body("errors[0].field", equalTo("asOf"));
        riskOfficer().body(Map.of("asOf", AS_OF.toString(), "horizonMonths", 13))
                .post("/api/backtests").then().statusCode(422).body("errors[0].field", equalTo("horizonMonths"));
        riskOfficer().body(Map.of("horizonMonths", 3)).post("/api/backtests").then().statusCode(422)
                .body("errors[0].field", equalTo("asOf"));
        riskOfficer().body(Map.of("asOf", AS_OF.toString(), "segment", "SMB", "region", "DACH"))
                .post("/api/backtests").then().statusCode(422).body("errors[0].field", equalTo("scope"));
        sales().body(Map.of("asOf", AS_OF.toString())).post("/api/backtests").then().statusCode(403);
        sales().get("/api/backtests").then().statusCode(403);
        auditor().body(Map.of("asOf", AS_OF.toString())).post("/api/backtests").then().statusCode(403);
        riskOfficer().get("/api/backtests/" + UUID.randomUUID()).then().statusCode(404);

        String region = uniqueId("BTV");
        ProfileData.customer(region + "-a").region(region).flatSales(AS_OF, 24, "1000").insert(dataSource);
        String id = riskOfficer().body(Map.of("asOf", AS_OF.toString(), "rulesetVersion", version, "region", region))
                .post("/api/backtests").then().statusCode(202).body("rulesetVersion", equalTo(version))
                .extract().path("id");
        JsonPath done = awaitCompleted(id);
        assertThat(done.getString("report.rulesetVersion")).isEqualTo(version);
        assertThat(done.getInt("report.customersAssessed")).isEqualTo(1);
    }

    @Test
    void shouldReportABacktestWhoseInstanceStoppedAsFailed() throws Exception {
        // a backtest left RUNNING an hour ago by an instance that stopped (its thread is gone with it)
        UUID id = UUID.randomUUID();
        execute("INSERT INTO backtests (id, ruleset_version, as_of, horizon_months, scope, status, requested_by,"
                + " customers_total, customers_done, created_at, progress_at) VALUES ('" + id + "', 'v', DATE '2026-06-01',"
                + " 3, 'all', 'RUNNING', 'risk', 10, 4, CURRENT_TIMESTAMP - INTERVAL '1' HOUR,"
                + " CURRENT_TIMESTAMP - INTERVAL '1' HOUR)");

        riskOfficer().get("/api/backtests/" + id).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("error", org.hamcrest.Matchers.containsString("no progress since"))
                .body("error", org.hamcrest.Matchers.containsString("the instance running it stopped"))
                .body("customersDone", equalTo(4));
    }

    private static void afterAsOf(ProfileData customer, String amount) {
        for (int ahead = 0; ahead < 3; ahead++) {
            customer.sale(AS_OF, -ahead, amount);
        }
    }

    private static JsonPath awaitCompleted(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(riskOfficer().get("/api/backtests/" + id).then().extract().path("status")));
        JsonPath done = riskOfficer().get("/api/backtests/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(done.getString("status")).as(done.getString("error")).isEqualTo("COMPLETED");
        return done;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> score(JsonPath report, String type, String severity, String rule) {
        List<Map<String, Object>> scores = report.getList("report.signals");
        return scores.stream().filter(s -> type.equals(s.get("signalType")) && severity.equals(s.get("severity"))
                        && java.util.Objects.equals(rule, s.get("rule")))
                .findFirst().orElseThrow(() -> new AssertionError("no score for " + type + " " + severity + " in " + scores));
    }

    /** Row count and an md5 over the rows of every live table. */
    private Map<String, String> liveChecksums() throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> table : LIVE.entrySet()) {
                String first = table.getValue().split(",")[0];
                try (ResultSet r = s.executeQuery("SELECT COUNT(*), md5(COALESCE(string_agg(CAST(ROW(" + table.getValue()
                        + ") AS text), ',' ORDER BY " + first + "), '')) FROM " + table.getKey())) {
                    r.next();
                    sums.put(table.getKey(), r.getLong(1) + ":" + r.getString(2));
                }
            }
        }
        return sums;
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
        }
    }
}
