package io.salesrisk.ruleset;

import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ruleset.persistence.RuleSetStore;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.ruleset.service.CompiledRuleSets;
import io.salesrisk.ruleset.service.RuleSetService;
import io.salesrisk.testsupport.ShippedTables;
import io.salesrisk.testsupport.TestRulesConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.salesrisk.testsupport.Api.activate;
import static io.salesrisk.testsupport.Api.activeVersion;
import static io.salesrisk.testsupport.Api.risk2;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second engine on the same PostgreSQL (its own rule engine, store and active reference, following the database
 * once a second, as every instance does) converges on a version activated through the first within 5 s.
 */
@QuarkusTest
class SecondInstanceTest {

    @Inject
    RuleSetStore store;

    private String shipped;

    @AfterEach
    void restore() {
        if (shipped != null && !activeVersion().equals(shipped)) {
            activate(shipped);
        }
    }

    @Test
    void shouldConvergeOnEveryActivationWithinFiveSeconds() throws Exception {
        shipped = activeVersion();
        DroolsRuleEngine engine = new DroolsRuleEngine(10_000);
        ActiveRuleSet secondActive = new ActiveRuleSet();
        RuleSetService second = new RuleSetService(engine, store, new CompiledRuleSets(engine, store), secondActive,
                new TestRulesConfig(Path.of("rules"), Path.of("decision-tables"), true, false), Clock.systemUTC(), java.util.List.of());
        ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor();
        follower.scheduleWithFixedDelay(second::follow, 0, 1, TimeUnit.SECONDS);
        try {
            assertThat(waitFor(secondActive, shipped)).isLessThan(5_000);

            String other = upload(riskOfficer(), "order-credit-checks.xlsx", ShippedTables.withCell("OrderValue", "C10", 450000))
                    .post("/api/rulesets").then().statusCode(201).extract().path("version");
            risk2().post("/api/rulesets/" + other + "/approve").then().statusCode(200);
            riskOfficer().post("/api/rulesets/" + other + "/activate").then().statusCode(200);
            assertThat(waitFor(secondActive, other)).isLessThan(5_000);

            activate(shipped);
            assertThat(waitFor(secondActive, shipped)).isLessThan(5_000);
        } finally {
            follower.shutdownNow();
        }
    }

    /** Milliseconds until the instance runs {@code version}, or a failure after 10 s. */
    private static long waitFor(ActiveRuleSet active, String version) {
        long start = System.nanoTime();
        await("the second instance runs " + version).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> active.find().map(r -> r.version().equals(version)).orElse(false));
        return (System.nanoTime() - start) / 1_000_000;
    }
}
