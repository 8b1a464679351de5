package io.salesrisk.ruleset;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.testsupport.ShippedTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.salesrisk.testsupport.Api.activate;
import static io.salesrisk.testsupport.Api.activeVersion;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.risk2;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ten consecutive activations under a loopback load of evaluations cause no failed request. */
@QuarkusTest
class AtomicSwapUnderLoadTest {

    private static final Pattern VERSION = Pattern.compile("\"rulesetVersion\":\"(\\w+)\"");

    @TestHTTPResource("/api/orders/evaluate")
    URL evaluate;

    private String shipped;

    @AfterEach
    void restore() {
        if (shipped != null && !activeVersion().equals(shipped)) {
            activate(shipped);
        }
    }

    @Test
    void shouldSwapTenTimesWithoutAFailedEvaluation() throws Exception {
        shipped = activeVersion();
        String other = upload(riskOfficer(), "order-credit-checks.xlsx", ShippedTables.withCell("OrderValue", "C11", 240000))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");
        risk2().post("/api/rulesets/" + other + "/approve").then().statusCode(200);
        String customer = createCustomer("B", "SMB", "100000000", 60);

        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("sales:sales123".getBytes(StandardCharsets.UTF_8));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> versions = ConcurrentHashMap.newKeySet();
        AtomicLong orderNumber = new AtomicLong();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            load.add(new Thread(() -> {
                while (!stop.get()) {
                    String body = order("SWAP-" + customer + "-" + orderNumber.incrementAndGet(), customer, "245000", "EUR",
                            30, "0", true);
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(evaluate.toString()))
                                .header("Content-Type", "application/json").header("Authorization", auth)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        Matcher version = VERSION.matcher(response.body());
                        if (response.statusCode() == 200 && version.find()) {
                            ok.incrementAndGet();
                            versions.add(version.group(1));
                        } else {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        load.forEach(Thread::start);
        for (int swap = 1; swap <= 10; swap++) {
            awaitAnswers(ok, failures);
            riskOfficer().post("/api/rulesets/" + (swap % 2 == 1 ? other : shipped) + "/activate").then().statusCode(200);
        }
        awaitAnswers(ok, failures);
        stop.set(true);
        for (Thread thread : load) {
            thread.join(10_000);
        }

        assertThat(failures).isEmpty();
        assertThat(ok.get()).isGreaterThan(40);
        assertThat(versions).containsExactlyInAnyOrder(shipped, other);
        assertThat(activeVersion()).isEqualTo(shipped);
    }

    /** Lets the load run until it got five more answers (or an error) under the version just activated. */
    private static void awaitAnswers(AtomicLong ok, List<String> failures) {
        long before = ok.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> ok.get() >= before + 5 || !failures.isEmpty());
    }
}
