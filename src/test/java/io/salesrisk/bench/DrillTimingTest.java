package io.salesrisk.bench;

import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.salesrisk.demo.DemoCustomer;
import io.salesrisk.demo.DemoDataGenerator;
import io.salesrisk.demo.DemoDataWriter;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.salesrisk.reevaluation.ReevaluationRunTest.awaitCompleted;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time of a drill of the whole demo portfolio (400 customers of the demo generator, seed 42) against the time of a
 * re-evaluation run of the same customers, in the test service on PostgreSQL. Only with {@code -Dbench.drill=true}
 * on an otherwise empty database (run it alone): the README's figure.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.drill", matches = "true")
class DrillTimingTest {

    private static final int CUSTOMERS = 400;

    @Inject
    DemoDataWriter writer;

    @Transactional
    void load() {
        DemoDataGenerator generator = new DemoDataGenerator(42, LocalDate.now(), 24, 24);
        List<DemoCustomer> customers = IntStream.range(0, CUSTOMERS).mapToObj(generator::customer).toList();
        writer.write(customers, OffsetDateTime.now());
        writer.writeMarketIndex(generator, YearMonth.now().minusMonths(1));
    }

    @Test
    void shouldDrillTheDemoPortfolioInAFractionOfARun() {
        load();
        for (int round = 1; round <= 2; round++) {
            String location = riskOfficer().body(Map.of()).post("/api/reevaluations").then().statusCode(202)
                    .extract().header("Location");
            JsonPath run = awaitCompleted(location);
            double runMillis = run.getDouble("progress.elapsedSeconds") * 1000;
            for (Map<String, Object> scenario : List.<Map<String, Object>>of(
                    Map.of("scenario", "CUSTOMER_DEFAULT", "customerId", "C000001"),
                    Map.of("scenario", "SALES_DROP", "segment", "SMB", "percent", 30),
                    Map.of("scenario", "MARKET_INDEX_DROP", "industry", "Construction", "percent", 25),
                    Map.of("scenario", "INVOICES_OVERDUE", "sharePercent", 20))) {
                JsonPath drill = riskOfficer().body(scenario).post("/api/drills").then().statusCode(201).extract().jsonPath();
                long millis = drill.getLong("millis");
                Log.infof("DRILL-TIMING round %d: %s over %d customers in %d ms (%s); re-evaluation run %.0f ms; ratio %.2f",
                        round, drill.getString("description"), drill.getInt("customers"), millis,
                        drill.getMap("report.timing"), runMillis, millis / runMillis);
                assertThat(drill.getInt("customers")).isEqualTo(CUSTOMERS);
                assertThat(millis).isLessThan(10_000);
            }
        }
    }
}
