package io.salesrisk.ruleset;

import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.testsupport.BusyThreads;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.salesrisk.testsupport.Api.activeVersion;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static io.salesrisk.testsupport.Api.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A rule that never returns must not take the service with it: a loop is refused before it is compiled, a rule that
 * is merely slow is stopped by the time budget while its scenarios run; either way the upload answers within
 * seconds with the rule's place named, the version is REJECTED, the active version is unchanged and no thread keeps
 * computing.
 */
@QuarkusTest
class RunawayRulesTest {

    private static byte[] drl(String rule, String consequence) {
        return ("""
                package io.salesrisk.rules;
                import io.salesrisk.facts.*;
                rule "%s"
                when
                    check: OrderCheck()
                then
                %s
                end
                """.formatted(rule, consequence)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseALoopThatNeverEndsAtOnceNamingRuleAndLine() {
        String active = activeVersion();
        long start = System.nanoTime();

        upload(riskOfficer(), "spin.drl", drl("Spin", "    int i = 0;\n    while (i >= 0) { i = (i + 1) % 1000; }"))
                .post("/api/rulesets").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("REJECTED"))
                .body("errors[0].file", equalTo("spin.drl"))
                .body("errors[0].line", equalTo(8))
                .body("errors[0].message", containsString("rule Spin"))
                .body("errors[0].message", containsString("loops"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(activeVersion()).isEqualTo(active);
    }

    @Test
    void shouldRejectASlowRuleWithinSecondsAndLeaveEveryCoreFree() {
        String active = activeVersion();
        long start = System.nanoTime();

        String version = upload(riskOfficer(), "slow.drl", drl("NeverFinishes",
                "    java.math.BigInteger huge = java.math.BigInteger.TEN.pow(50_000_000);\n    check.info(\"\" + huge.signum());"))
                .post("/api/rulesets").then().statusCode(422)
                .body("errors[0].file", equalTo("slow.drl"))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].message", containsString("rule NeverFinishes ran longer than the time budget"))
                .extract().path("detail").toString().replaceAll("^.*?version (\\w+) is recorded.*$", "$1");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        riskOfficer().get("/api/rulesets/" + version).then().statusCode(200).body("status", equalTo("REJECTED"));
        assertThat(activeVersion()).isEqualTo(active);
        await().atMost(Duration.ofSeconds(5)).until(() -> BusyThreads.computingBigPowers().isEmpty());
        // and the service answers orders as before
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 30);
        sales().body(order(uniqueId("SO"), customer, "1000", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200).body("outcome", equalTo("APPROVE"));
    }

    @Test
    void shouldStopASimulationAtTheFirstDecisionARuleIsTooSlowFor() {
        // a rule that is slow only for one odd amount passes the scenarios and becomes a candidate
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 30);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "4242.42", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200);
        // decisions are written in group commits: wait until this one is stored
        await().atMost(Duration.ofSeconds(10)).until(() -> riskOfficer().get("/api/orders/" + orderId + "/decisions")
                .then().extract().jsonPath().getList("$").size() == 1);
        String candidate = upload(riskOfficer(), "odd.drl", ("""
                package io.salesrisk.rules;
                import io.salesrisk.facts.*;
                rule "SlowOnOddAmounts"
                when
                    check: OrderCheck(order.amount > 4242, order.amount < 4243)
                then
                    java.math.BigInteger.TEN.pow(50_000_000);
                end
                """).getBytes(StandardCharsets.UTF_8)).post("/api/rulesets").then().statusCode(201)
                .body("status", equalTo("CANDIDATE")).extract().path("version");
        String today = java.time.LocalDate.now().toString();
        long start = System.nanoTime();

        riskOfficer().body("{\"from\": \"" + today + "\", \"to\": \"" + today + "\"}")
                .post("/api/rulesets/" + candidate + "/simulate").then().statusCode(422)
                .body("errors[0].field", equalTo("version"))
                .body("errors[0].message", containsString("rule SlowOnOddAmounts ran longer than the time budget"))
                .body("errors[0].message", containsString("the simulation was stopped"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(5)).until(() -> BusyThreads.computingBigPowers().isEmpty());
    }
}
