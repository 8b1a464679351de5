package io.salesrisk.drill;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.salesrisk.drill.scenario.ScenarioFacts;
import io.salesrisk.testsupport.ProfileData;
import io.salesrisk.testsupport.ShippedTables;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static io.salesrisk.testsupport.Api.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Drills through the REST API on PostgreSQL: each scenario on crafted customers with known answers, a candidate
 * version drilled, bad input refused naming the field, roles, and nothing live changed (row counts and checksums of
 * the live tables before and after).
 */
@QuarkusTest
public class DrillsTest {

    private static final LocalDate TODAY = LocalDate.now();
    /** Every table a drill could have touched if it wrote anything but its own row. */
    private static final List<String> LIVE_TABLES = List.of("customers", "invoices", "sales_history", "sales_orders",
            "decisions", "market_index", "reevaluation_runs", "customer_assessments", "limit_proposals", "risk_signals",
            "alerts", "contingency_plans", "holds", "hold_actions", "outbox_events");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldDrillACustomerDefaultWithoutChangingAnythingLive() throws Exception {
        // given: a weak customer (1 year, CCC) with one open invoice not yet due and an approved open order
        String p = uniqueId("DD");
        ProfileData weak = ProfileData.customer(p + "-def").years(1).rating("CCC").flatSales(TODAY, 24, "20000")
                .invoice(TODAY.minusDays(20), TODAY.plusDays(10), "50000", "0", null)
                .order("5000", TODAY.minusDays(2), "APPROVED").insert(dataSource);
        ProfileData bystander = ProfileData.customer(p + "-ok").flatSales(TODAY, 24, "30000").insert(dataSource);
        Map<String, String> live = checksums();

        // when
        JsonPath drill = drill(Map.of("scenario", "CUSTOMER_DEFAULT", "customerId", weak.id()));

        // then: on today's facts class D (score 47); defaulted (0 % on time, 91 days late) class E (score 17)
        String me = "report.customers.find { it.customerId == '" + weak.id() + "' }.";
        assertThat(drill.getString(me + "classBefore")).isEqualTo("D");
        assertThat(drill.getString(me + "classAfter")).isEqualTo("E");
        assertThat(drill.getInt(me + "scoreBefore")).isEqualTo(47);
        assertThat(drill.getInt(me + "scoreAfter")).isEqualTo(17);
        assertThat(drill.getString(me + "currentClass")).isEqualTo("B");
        assertThat(drill.getDouble(me + "limitBefore")).isEqualTo(36000.00);
        assertThat(drill.getDouble(me + "limitAfter")).isEqualTo(19000.00);
        assertThat(drill.getBoolean(me + "prepaymentAfter")).isTrue();
        assertThat(drill.getDouble(me + "overdueAfter")).isEqualTo(50000.00);
        assertThat(drill.getList("report.customers.customerId")).doesNotContain(bystander.id());
        assertThat(drill.getInt("report.classMatrix.D.E")).isGreaterThanOrEqualTo(1);
        assertThat(drill.getInt("report.counts.touched")).isEqualTo(1);
        assertThat(drill.getInt("report.counts.changed")).isEqualTo(1);
        // the customer-level trigger: class E with money more than 90 days overdue
        String plan = "report.plans.find { it.scope == 'CUSTOMER:" + weak.id() + "' }.";
        assertThat(drill.getString(plan + "plan")).isEqualTo("collections-escalation");
        assertThat(drill.getString(plan + "riskType")).isEqualTo("CUSTOMER_DEFAULT");
        assertThat(drill.getBoolean(plan + "alsoWithoutScenario")).isFalse();
        assertThat(drill.getInt("report.counts.plansAdded")).isGreaterThanOrEqualTo(1);
        assertThat(drill.getInt("plansAdded")).isEqualTo(drill.getInt("report.counts.plansAdded"));
        assertThat(drill.getList(plan + "actions.type")).contains("CUT_LIMIT", "NOTIFY");
        assertThat(drill.getString("report.alerts.find { it.subjectId == 'collections-escalation|CUSTOMER:" + weak.id()
                + "' }.owner")).isEqualTo("collections");
        // the approved order would be held: class E orders only against prepayment, and the plan cuts the limit
        String order = "report.heldOrders.orders.find { it.orderId == '" + weak.id() + "-O1' }.";
        assertThat(drill.getString(order + "statusNow")).isEqualTo("APPROVED");
        assertThat(drill.getString(order + "outcome")).isIn("BLOCK", "REVIEW");
        assertThat(drill.getList(order + "reasons", String.class))
                .anyMatch(r -> r.startsWith("OverdueTooLong[E]: oldest open invoice is 91 days past due"))
                .anyMatch(r -> r.startsWith("CreditLimitExceeded[E]") && r.contains("exceeds limit 0.00")); // cut by 100 %
        assertThat(drill.getInt("report.heldOrders.newlyHeld")).isGreaterThanOrEqualTo(1);

        // nothing live changed: the customer keeps its class and limit, no plan, no alert, no hold, same checksums
        assertThat(checksums()).isEqualTo(live);
        riskOfficer().get("/api/customers/" + weak.id()).then().statusCode(200).body("riskClass", equalTo("B"))
                .body("creditLimit", equalTo(100000.00f));
        // the stored drill reads back for auditors, and is listed
        auditor().get("/api/drills/" + drill.getString("id")).then().statusCode(200)
                .body("report.counts.changed", equalTo(1)).body("scenario", equalTo("CUSTOMER_DEFAULT"));
        auditor().get("/api/drills").then().statusCode(200).body("id", hasItem(drill.getString("id")));
    }

    @Test
    void shouldDrillASalesDropOfARegionAndOfASegment() {
        // given: two regular buyers in a region of their own, with limits above what their sales give (so a lower
        // limit applies at once rather than waiting as a proposal)
        String p = uniqueId("DS");
        String region = "Reg-" + p;
        ProfileData a = ProfileData.customer(p + "-a").region(region).limit("500000").flatSales(TODAY, 24, "10000").insert(dataSource);
        ProfileData b = ProfileData.customer(p + "-b").region(region).limit("500000").flatSales(TODAY, 24, "40000").insert(dataSource);

        // when: the region's last 3 months drop 30 %
        JsonPath drill = drill(Map.of("scenario", "SALES_DROP", "region", region, "percent", 30));

        // then: both raise a seasonal drop (30 % against the same months last year), their limits fall
        assertThat(drill.getInt("report.counts.touched")).isEqualTo(2);
        for (ProfileData c : List.of(a, b)) {
            assertThat(drill.getList("report.signals.added.findAll { it.customerId == '" + c.id() + "' }.type"))
                    .contains("SEASONAL_DROP");
            String me = "report.customers.find { it.customerId == '" + c.id() + "' }.";
            assertThat(drill.getDouble(me + "limitAfter")).isLessThan(drill.getDouble(me + "limitBefore"));
        }
        assertThat(drill.getInt("report.counts.limitsDecreased")).isEqualTo(2);
        assertThat(drill.getString("description")).isEqualTo("region " + region + " sales drop 30 %");

        // when: the whole SMB segment drops 40 %
        JsonPath segment = drill(Map.of("scenario", "SALES_DROP", "segment", "SMB", "percent", 40));

        // then: the segment's drop grows, and the segment trigger (SMB from 15 %) asks for the segment review exactly
        // when the dropped figure reaches it (other tests' SMB customers share the segment, so in a full suite a
        // segment growing fast can stay below 15 % even after the drop)
        double before = segment.getDouble("report.triggersBefore.segments.find { it.segment == 'SMB' }.salesDropPercent");
        double after = segment.getDouble("report.triggersAfter.segments.find { it.segment == 'SMB' }.salesDropPercent");
        // (a segment growing fast enough shows no drop before or after: both are 0 then)
        assertThat(after).isGreaterThanOrEqualTo(before);
        if (before > 0) {
            assertThat(after).isGreaterThan(before);
        }
        List<String> segmentPlans = segment.getList("report.plans.findAll { it.scope == 'SEGMENT:SMB' }.plan");
        if (after >= 15.0) {
            assertThat(segmentPlans).contains("segment-review");
        } else {
            assertThat(segmentPlans).doesNotContain("segment-review");
        }
    }

    @Test
    void shouldDrillAMarketIndexDropOnTheActiveAndOnACandidateVersion() throws Exception {
        // given: an industry of its own with a flat index, one customer in it
        String p = uniqueId("DM");
        String industry = "Ind-" + p;
        insertIndex(industry, "100.00", "100.00");
        ProfileData c = ProfileData.customer(p + "-m").industry(industry).flatSales(TODAY, 24, "10000").insert(dataSource);
        Map<String, Object> scenario = Map.of("scenario", "MARKET_INDEX_DROP", "industry", industry, "percent", 25);

        // when
        JsonPath active = drill(scenario);

        // then: a HIGH index signal and its alert for the customer; the industry watch (from 15 %)
        assertThat(active.getString("report.signals.added.find { it.customerId == '" + c.id() + "' }.type"))
                .isEqualTo("MARKET_INDEX_DROP");
        assertThat(active.getString("report.signals.added.find { it.customerId == '" + c.id() + "' }.severity"))
                .isEqualTo("HIGH");
        assertThat(active.getList("report.alerts.subjectId")).contains(c.id());
        assertThat(active.getString("report.plans.find { it.scope == 'INDUSTRY:" + industry + "' }.plan"))
                .isEqualTo("industry-watch");
        assertThat(active.getDouble("report.triggersAfter.markets.find { it.industry == '" + industry + "' }.indexDropPercent"))
                .isEqualTo(25.0);
        assertThat(active.getBoolean("activeVersion")).isTrue();

        // when: a candidate whose market trigger starts at 30 % is drilled
        byte[] workbook = ShippedTables.withCell(Path.of("decision-tables/contingency-triggers.xlsx"), "MarketTriggers",
                "C10", 30);
        String candidate = upload(riskOfficer(), "contingency-triggers.xlsx", workbook).post("/api/rulesets").then()
                .statusCode(anyOf(equalTo(200), equalTo(201))).extract().path("version");
        Map<String, Object> onCandidate = new LinkedHashMap<>(scenario);
        onCandidate.put("rulesetVersion", candidate);
        JsonPath drilled = drill(onCandidate);

        // then: the same signal, but no industry watch
        assertThat(drilled.getString("rulesetVersion")).isEqualTo(candidate);
        assertThat(drilled.getBoolean("activeVersion")).isFalse();
        assertThat(drilled.getList("report.signals.added.customerId")).contains(c.id());
        assertThat(drilled.getList("report.plans.scope")).doesNotContain("INDUSTRY:" + industry);
    }

    @Test
    void shouldDrillAShareOfInvoicesGoingOverdueReproducibly() throws Exception {
        // given: one customer with ten open invoices not yet due
        String p = uniqueId("DI");
        ProfileData c = ProfileData.customer(p + "-i").flatSales(TODAY, 24, "20000");
        for (int i = 0; i < 10; i++) {
            c.invoice(TODAY.minusDays(10), TODAY.plusDays(20), "1000", "0", null);
        }
        c.insert(dataSource);
        long picked = java.util.stream.IntStream.rangeClosed(1, 10)
                .filter(i -> ScenarioFacts.picked(c.id() + "-I" + i, new BigDecimal("50"))).count();

        // when
        JsonPath first = drill(Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", 50));
        JsonPath second = drill(Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", 50));
        JsonPath all = drill(Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", 100));
        JsonPath none = drill(Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", 0));

        // then: the picked invoices (by hash of their id) are 60 days overdue, the same ones each time
        String me = "report.customers.find { it.customerId == '" + c.id() + "' }.";
        if (picked > 0) {
            assertThat(first.getDouble(me + "overdueAfter")).isEqualTo(picked * 1000.0);
        }
        assertThat(second.getString("report.customers")).isEqualTo(first.getString("report.customers"));
        assertThat(second.getMap("report.counts")).isEqualTo(first.getMap("report.counts"));
        assertThat(all.getDouble(me + "overdueAfter")).isEqualTo(10000.0);
        // every open receivable of the portfolio overdue: the portfolio's overdue trigger (from 15 %) fires
        assertThat(all.getList("report.plans.findAll { it.scope == 'PORTFOLIO' }.plan")).contains("collections-drive");
        assertThat(all.getDouble("report.triggersAfter.portfolio.overdueRatioPercent")).isGreaterThanOrEqualTo(15.0);
        assertThat(none.getInt("report.counts.changed")).isZero();
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        refused(Map.of(), "scenario");
        refused(Map.of("scenario", "ASTEROID"), "scenario");
        refused(Map.of("scenario", "CUSTOMER_DEFAULT"), "customerId");
        refused(Map.of("scenario", "CUSTOMER_DEFAULT", "customerId", "NO-SUCH-CUSTOMER"), "customerId");
        refused(Map.of("scenario", "SALES_DROP", "percent", 10), "segment");
        refused(Map.of("scenario", "SALES_DROP", "segment", "SMB", "percent", 101), "percent");
        refused(Map.of("scenario", "SALES_DROP", "segment", "SMB", "percent", -1), "percent");
        refused(Map.of("scenario", "SALES_DROP", "segment", "SMB"), "percent");
        refused(Map.of("scenario", "SALES_DROP", "region", uniqueId("Nowhere"), "percent", 10), "region");
        refused(Map.of("scenario", "MARKET_INDEX_DROP", "industry", uniqueId("NoIndex"), "percent", 10), "industry");
        refused(Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", 150), "sharePercent");
        refused(Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", 10, "rulesetVersion", "nosuchversn"),
                "rulesetVersion");
    }

    @Test
    void shouldLetOnlyRiskOfficersRunDrillsAndAuditorsRead() {
        sales().body(Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", 10)).post("/api/drills").then().statusCode(403);
        auditor().body(Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", 10)).post("/api/drills").then().statusCode(403);
        sales().get("/api/drills").then().statusCode(403);
        auditor().get("/api/drills").then().statusCode(200);
        auditor().get("/api/drills/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    private static JsonPath drill(Map<String, ?> body) {
        return riskOfficer().body(body).post("/api/drills").then().statusCode(201)
                .header("Location", startsWith("http")).extract().jsonPath();
    }

    private static void refused(Map<String, ?> body, String field) {
        riskOfficer().body(body).post("/api/drills").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    /** Row count and md5 of every row of each live table. */
    private Map<String, String> checksums() throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : LIVE_TABLES) {
                try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) || ':' || "
                        + "md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table + " t");
                     ResultSet row = query.executeQuery()) {
                    row.next();
                    sums.put(table, row.getString(1));
                }
            }
        }
        return sums;
    }

    private void insertIndex(String industry, String latest, String yearBefore) throws Exception {
        YearMonth month = YearMonth.from(TODAY).minusMonths(1);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO market_index (industry, index_month, index_value) VALUES (?, ?, ?)")) {
            insert.setString(1, industry);
            insert.setObject(2, month.atDay(1));
            insert.setBigDecimal(3, new BigDecimal(latest));
            insert.addBatch();
            insert.setString(1, industry);
            insert.setObject(2, month.minusMonths(12).atDay(1));
            insert.setBigDecimal(3, new BigDecimal(yearBefore));
            insert.addBatch();
            insert.executeBatch();
        }
    }
}
