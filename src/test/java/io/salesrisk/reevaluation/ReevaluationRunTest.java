package io.salesrisk.reevaluation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.salesrisk.testsupport.ProfileData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * Re-evaluation runs through the REST API on PostgreSQL, with the service's own workers: scores, classes, limits and
 * their reasons; bad data as failed items; each anomaly family at its boundary; one run per scope.
 */
@QuarkusTest
public class ReevaluationRunTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Scheduler scheduler;

    @Test
    void shouldReassessCustomersRecordWhyAndReportBadDataAsFailedItems() {
        // given
        String p = uniqueId("RV");
        ProfileData strong = ProfileData.customer(p + "-strong").flatSales(AS_OF, 24, "50000").insert(dataSource);
        ProfileData weak = ProfileData.customer(p + "-weak").years(1).rating("CCC").flatSales(AS_OF, 24, "20000")
                .invoice(AS_OF.minusDays(130), AS_OF.minusDays(100), "50000", "0", null).insert(dataSource);
        ProfileData noHistory = ProfileData.customer(p + "-nohistory").insert(dataSource);
        ProfileData negative = ProfileData.customer(p + "-negative").flatSales(AS_OF, 24, "1000")
                .sale(AS_OF, 3, "-50").insert(dataSource);
        ProfileData zero = ProfileData.customer(p + "-zero").flatSales(AS_OF, 24, "1000").flatSales(AS_OF, 12, "0")
                .insert(dataSource);

        // when
        String location = riskOfficer().body(Map.of("customerIds", List.of(strong.id(), weak.id(), noHistory.id(),
                        negative.id(), zero.id()), "asOf", AS_OF.toString()))
                .post("/api/reevaluations").then().statusCode(202)
                .body("status", equalTo("RUNNING")).body("progress.total", equalTo(5))
                .extract().header("Location");
        JsonPath run = awaitCompleted(location);

        // then: progress and summary
        assertThat(run.getInt("progress.done")).isEqualTo(4);
        assertThat(run.getInt("progress.failed")).isEqualTo(1);
        assertThat(run.getInt("progress.remaining")).isZero();
        assertThat(run.getMap("summary.classTransitions")).containsEntry("B->A", 2).containsEntry("B->E", 1)
                .containsEntry("B->C", 1);
        assertThat(run.getInt("summary.limits.proposed")).isEqualTo(1);
        assertThat(run.getInt("summary.limits.decreased")).isEqualTo(3);
        // sums read back from the stored summary stay money (cents, plain notation), not doubles such as 5.4907E7
        assertThat(riskOfficer().get(location).asString()).doesNotContainPattern(":-?\\d+(\\.\\d+)?[eE][+-]?\\d+[,}\\]]")
                .containsPattern("\"decreaseTotal\":\\d+\\.\\d\\d[,}]");
        assertThat(run.getInt("summary.customerPlansActivated")).isEqualTo(1);
        Map<String, String> reasons = run.getList("summary.failures", Map.class).stream()
                .collect(Collectors.toMap(f -> (String) f.get("customerId"), f -> (String) f.get("reason")));
        // only data that is wrong fails: a new account and a dormant one are assessed
        assertThat(reasons).containsOnlyKeys(negative.id());
        assertThat(reasons.get(negative.id())).startsWith("negative amounts: 1 month(s)");
        auditor().get(location + "/failures").then().statusCode(200).body("customerId", hasItems(negative.id()));

        // the new account (no sales yet): class C at best whatever its score, the SMB starter limit, and why
        riskOfficer().get("/api/customers/" + noHistory.id()).then().statusCode(200)
                .body("riskClass", equalTo("C")).body("creditLimit", equalTo(20000.00f)).body("paymentTermsDays", equalTo(30));
        String newAccountReasons = riskOfficer().get("/api/customers/" + noHistory.id() + "/assessments").then().statusCode(200)
                .extract().jsonPath().getString("[0].reasons.reasons.message");
        assertThat(newAccountReasons).contains("new account, 0 month(s) of sales history: risk class C at best")
                .contains("a starter limit of 20,000");
        // the dormant account (sales only 13 to 24 months ago): judged on its last 12 months, so no credit
        riskOfficer().get("/api/customers/" + zero.id()).then().statusCode(200).body("creditLimit", equalTo(0.00f));

        // the strong customer: class A and 60 days at once; the limit increase waits for approval
        riskOfficer().get("/api/customers/" + strong.id()).then().statusCode(200)
                .body("riskClass", equalTo("A")).body("score", equalTo(94))
                .body("creditLimit", equalTo(100000.00f)).body("paymentTermsDays", equalTo(60));
        JsonPath history = riskOfficer().get("/api/customers/" + strong.id() + "/assessments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getString("[0].classAfter")).isEqualTo("A");
        assertThat(history.getFloat("[0].limitProposed")).isEqualTo(210000.00f);
        assertThat(history.getList("[0].reasons.score")).hasSize(7);
        assertThat(history.getString("[0].reasons.reasons.message")).contains("limit 35% of 12-month sales 600,000.00 (risk class A, SMB)");
        String proposal = riskOfficer().get("/api/limit-proposals?customerId=" + strong.id()).then().statusCode(200)
                .body("[0].proposedLimit", equalTo(210000.00f)).extract().path("[0].id");
        riskOfficer().post("/api/limit-proposals/" + proposal + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        riskOfficer().get("/api/customers/" + strong.id()).then().body("creditLimit", equalTo(210000.00f));

        // the weak customer: class E, limit cut to 8 % of its sales, prepayment, a customer-level plan
        riskOfficer().get("/api/customers/" + weak.id()).then().statusCode(200)
                .body("riskClass", equalTo("E")).body("creditLimit", equalTo(19000.00f))
                .body("prepaymentRequired", equalTo(true))
                .body("activePlans", hasItem("collections-escalation"))
                .body("exposure.creditLimit", equalTo(0.00f));
        riskOfficer().get("/api/contingency-plans").then().statusCode(200)
                .body("find { it.scope == 'CUSTOMER:" + weak.id() + "' }.planCode", equalTo("collections-escalation"))
                .body("find { it.scope == 'CUSTOMER:" + weak.id() + "' }.riskLevel", equalTo("HIGH"));
        sales().body(order(uniqueId("SO"), weak.id(), "1000", "EUR", 14, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200)
                .body("outcome", equalTo("BLOCK"))
                .body("reasons.rule", hasItems("PrepaymentRequiredByAssessment", "ContingencyPlanCutsLimit"));
    }

    @Test
    void shouldSignalEachAnomalyAtItsBoundary() throws Exception {
        // given: for each family a customer just at the threshold and one just short of it
        String p = uniqueId("AN");
        String industryFalling = "Ind-" + p + "-falling";
        String industryFlat = "Ind-" + p + "-flat";
        insertIndex(industryFalling, "90.00", "100.00");
        insertIndex(industryFlat, "90.01", "100.00");
        List<ProfileData> customers = List.of(
                zScore(p + "-z-fires", "481.00"), zScore(p + "-z-silent", "481.10"),
                ProfileData.customer(p + "-season-fires").flatSales(AS_OF, 24, "1000").sale(AS_OF, 1, "750")
                        .sale(AS_OF, 2, "750").sale(AS_OF, 3, "750"),
                ProfileData.customer(p + "-season-silent").flatSales(AS_OF, 24, "1000").sale(AS_OF, 1, "750.10")
                        .sale(AS_OF, 2, "750.10").sale(AS_OF, 3, "750.10"),
                // a monthly buyer silent for 2 full months (3 usual intervals) fires; silent for 1 (2 intervals) not
                buyingUntil(p + "-gap-fires", 3), buyingUntil(p + "-gap-silent", 2),
                // buys August to January only: five quiet months (3.7 usual intervals) are its season, not a gap
                inSeasonOnly(p + "-season-quiet"),
                paying(p + "-late-fires", 10), paying(p + "-late-silent", 9),
                spike(p + "-spike-fires", "2000"), spike(p + "-spike-silent", "1990"),
                ProfileData.customer(p + "-index-fires").industry(industryFalling).flatSales(AS_OF, 24, "1000"),
                ProfileData.customer(p + "-index-silent").industry(industryFlat).flatSales(AS_OF, 24, "1000"));
        customers.forEach(c -> c.insert(dataSource));

        // when
        String location = riskOfficer().body(Map.of("customerIds", customers.stream().map(ProfileData::id).toList(),
                "asOf", AS_OF.toString())).post("/api/reevaluations").then().statusCode(202).extract().header("Location");
        awaitCompleted(location);

        // then
        Set<String> found = riskOfficer().get(location + "/signals?limit=1000").then().statusCode(200).extract().jsonPath()
                .getList("", Map.class).stream().map(s -> s.get("customerId") + " " + s.get("type")).collect(Collectors.toSet());
        assertThat(found).contains(p + "-z-fires SALES_OUTLIER_LOW", p + "-season-fires SEASONAL_DROP",
                p + "-gap-fires PURCHASE_GAP", p + "-late-fires PAYMENT_DETERIORATION",
                p + "-spike-fires ORDER_SPIKE", p + "-index-fires MARKET_INDEX_DROP");
        assertThat(found).doesNotContain(p + "-z-silent SALES_OUTLIER_LOW", p + "-season-silent SEASONAL_DROP",
                p + "-gap-silent PURCHASE_GAP", p + "-late-silent PAYMENT_DETERIORATION",
                p + "-spike-silent ORDER_SPIKE", p + "-index-silent MARKET_INDEX_DROP");
        assertThat(found).as("a seasonal buyer in its quiet season").noneMatch(s -> s.startsWith(p + "-season-quiet "));
        // the signal keeps the values it saw
        riskOfficer().get("/api/customers/" + p + "-z-fires/signals").then().statusCode(200)
                .body("find { it.type == 'SALES_OUTLIER_LOW' }.values.'profile.robustZ'", equalTo(-3.5007f))
                .body("find { it.type == 'SALES_OUTLIER_LOW' }.severity", equalTo("HIGH"));
        // HIGH signals raise alerts; a second run repeats the open alert instead of opening another
        riskOfficer().get("/api/alerts?subject=" + p + "-z-fires").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].occurrences", equalTo(1));
        String second = riskOfficer().body(Map.of("customerIds", List.of(p + "-z-fires"), "asOf", AS_OF.toString()))
                .post("/api/reevaluations").then().statusCode(202).extract().header("Location");
        awaitCompleted(second);
        riskOfficer().get("/api/alerts?subject=" + p + "-z-fires").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].occurrences", equalTo(2));
    }

    @Test
    void shouldRefuseRequestsThatCannotStart() {
        riskOfficer().body(Map.of("segment", "SMB", "region", "DACH")).post("/api/reevaluations").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("scope"));
        riskOfficer().body(Map.of("customerIds", List.of("NO-SUCH-1", "NO-SUCH-2"))).post("/api/reevaluations").then()
                .statusCode(422).body("errors.value", hasItems("NO-SUCH-1", "NO-SUCH-2"));
        riskOfficer().body(Map.of("region", uniqueId("Nowhere"))).post("/api/reevaluations").then().statusCode(422)
                .body("errors[0].field", equalTo("region"));
        riskOfficer().body(Map.of("asOf", LocalDate.now().plusDays(2).toString())).post("/api/reevaluations").then()
                .statusCode(422).body("errors[0].field", equalTo("asOf"));
        sales().body(Map.of()).post("/api/reevaluations").then().statusCode(403);
        riskOfficer().get("/api/reevaluations/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldNotScheduleTheNightlyRunWhenTheScheduleIsOff() {
        // the test profile sets salesrisk.reevaluation.schedule=off; ReevaluationWorkersTest checks a cron
        assertThat(scheduler.getScheduledJob("nightly-reevaluation")).isNull();
        riskOfficer().get("/api/reevaluations").then().statusCode(200).body("trigger", not(hasItem("SCHEDULE")));
    }

    static ProfileData zScore(String id, String lastMonth) {
        // 11 months of 900 and 12 of 1,100 around the last month: median 1,000, median absolute deviation 100
        ProfileData customer = ProfileData.customer(id).sale(AS_OF, 1, lastMonth);
        for (int back = 2; back <= 12; back++) {
            customer.sale(AS_OF, back, "900");
        }
        for (int back = 13; back <= 24; back++) {
            customer.sale(AS_OF, back, "1100");
        }
        return customer;
    }

    /** Three invoices paid on the due date in the earlier half year, three {@code daysLate} days late in the recent one. */
    static ProfileData paying(String id, int daysLate) {
        ProfileData customer = ProfileData.customer(id).flatSales(AS_OF, 24, "1000");
        for (int month = 8; month <= 10; month++) {
            LocalDate due = LocalDate.of(2025, month, 28);
            customer.invoice(due.minusDays(30), due, "1000", "1000", due);
        }
        for (int month = 2; month <= 4; month++) {
            LocalDate due = LocalDate.of(2026, month, 28);
            customer.invoice(due.minusDays(30), due, "1000", "1000", due.plusDays(daysLate));
        }
        return customer;
    }

    /** Monthly sales of 1,000 from 24 months back to {@code lastMonthBack} months back, none since. */
    static ProfileData buyingUntil(String id, int lastMonthBack) {
        ProfileData customer = ProfileData.customer(id);
        for (int back = lastMonthBack; back <= 24; back++) {
            customer.sale(AS_OF, back, "1000");
        }
        return customer;
    }

    /** Sales of 2,000 from August to January of each year, nothing from February to July. */
    static ProfileData inSeasonOnly(String id) {
        ProfileData customer = ProfileData.customer(id);
        for (int back : new int[] {5, 6, 7, 8, 9, 10, 17, 18, 19, 20, 21, 22}) {
            customer.sale(AS_OF, back, "2000");
        }
        return customer;
    }

    /** Six invoices of 1,000 this year (so 1,000 is also its large order), then an order of {@code amount} in the last 30 days. */
    static ProfileData spike(String id, String amount) {
        ProfileData customer = ProfileData.customer(id).flatSales(AS_OF, 24, "1000");
        for (int month = 1; month <= 6; month++) {
            LocalDate issue = LocalDate.of(2026, month, 10);
            customer.invoice(issue, issue.plusDays(30), "1000", "1000", issue.plusDays(30));
        }
        return customer.order(amount, AS_OF.minusDays(5), "APPROVED");
    }

    private void insertIndex(String industry, String latest, String yearBefore) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO market_index (industry, index_month, index_value) VALUES (?, ?, ?)")) {
            insert.setString(1, industry);
            insert.setObject(2, LocalDate.of(2026, 5, 1));
            insert.setBigDecimal(3, new BigDecimal(latest));
            insert.addBatch();
            insert.setString(1, industry);
            insert.setObject(2, LocalDate.of(2025, 5, 1));
            insert.setBigDecimal(3, new BigDecimal(yearBefore));
            insert.addBatch();
            insert.executeBatch();
        }
    }

    public static JsonPath awaitCompleted(String location) {
        return await("run " + location + " completed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> riskOfficer().get(location).then().statusCode(200).extract().jsonPath(),
                        run -> run.getString("status").equals("COMPLETED"));
    }
}
