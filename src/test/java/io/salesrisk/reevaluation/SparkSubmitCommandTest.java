package io.salesrisk.reevaluation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.salesrisk.testsupport.ProfileData;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A run handed to Spark by configuration is submitted with the configured command, the run's id in its place (here
 * a script standing in for spark-submit, which writes down what it was given).
 */
@QuarkusTest
@TestProfile(SparkSubmitCommandTest.SparkByDefault.class)
class SparkSubmitCommandTest {

    static final Path SUBMITTED = Path.of("target", "spark-submitted.txt").toAbsolutePath();
    static final Path SCRIPT = Path.of("target", "fake-spark-submit.sh").toAbsolutePath();

    public static class SparkByDefault implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(SCRIPT.getParent());
                Files.writeString(SCRIPT, "#!/bin/sh\necho \"$@\" > " + SUBMITTED + "\n");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("salesrisk.reevaluation.executor", "spark", "salesrisk.reevaluation.workers", "0",
                    "salesrisk.reevaluation.spark.submit-command", "/bin/sh " + SCRIPT + " reevaluate --run {runId} --wait-minutes 0");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldSubmitTheJobWithTheRunsId() throws Exception {
        Files.deleteIfExists(SUBMITTED);
        String region = uniqueId("Submit");
        ProfileData.customer(region + "-01").region(region).flatSales(LocalDate.of(2026, 6, 30), 24, "1000").insert(dataSource);
        String id = riskOfficer().body(Map.of("region", region)).post("/api/reevaluations").then().statusCode(202)
                .body("progress.executor", equalTo("SPARK")).extract().path("id");
        await().until(() -> Files.exists(SUBMITTED) && !Files.readString(SUBMITTED).isBlank());
        assertThat(Files.readString(SUBMITTED).trim()).isEqualTo("reevaluate --run " + id + " --wait-minutes 0");
        riskOfficer().post("/api/reevaluations/" + id + "/cancel").then().statusCode(200);
    }
}
