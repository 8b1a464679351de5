package io.salesrisk.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.testsupport.WebhookReceiver;
import io.salesrisk.testsupport.WebhookReceiver.Message;
import io.salesrisk.webhook.service.WebhookWorkers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances (each with its own fan-out and delivery threads, under its own name) share the database: every
 * alert reaches every subscriber exactly once as seen by webhook-id, and both instances did part of the work.
 */
@QuarkusTest
class WebhookInstancesTest {

    private static final int ALERTS = 500;

    @Inject
    AlertService alerts;
    @Inject
    WebhookWorkers workers;

    WebhookFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new WebhookFixtures(alerts, workers);
    }

    @AfterEach
    void cleanUp() {
        fixtures.close();
    }

    @Test
    void shouldDeliverEachAlertOncePerSubscriberWithTwoInstancesAtOnce() throws Exception {
        try (WebhookReceiver first = WebhookReceiver.start(); WebhookReceiver second = WebhookReceiver.start()) {
            WebhookFixtures.Created one = fixtures.subscribe(first.url("/one"));
            WebhookFixtures.Created two = fixtures.subscribe(second.url("/two"));
            String type = uniqueId("TWICE");
            fixtures.start("instance-1");
            fixtures.start("instance-2");

            // in batches, while the instances are already fanning out and delivering
            for (int batch = 0; batch < ALERTS / 50; batch++) {
                fixtures.raise(type + "-" + batch, 50);
            }

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    first.distinctIdsWith(type) == ALERTS && second.distinctIdsWith(type) == ALERTS);
            io.quarkus.logging.Log.infof("two instances: %d + %d messages for %d alerts, duplicates %d and %d",
                    first.messagesWith(type).size(), second.messagesWith(type).size(), ALERTS, first.duplicates(), second.duplicates());
            assertThat(first.duplicates()).as("duplicates at the first receiver").isZero();
            assertThat(second.duplicates()).as("duplicates at the second receiver").isZero();
            assertThat(first.messagesWith(type)).hasSize(ALERTS);
            assertThat(second.messagesWith(type)).hasSize(ALERTS);
            for (Message m : first.messagesWith(type)) {
                assertThat(m.signature()).isEqualTo(WebhookFixtures.signature(one.secret(), m.id(), m.timestamp(), m.body()));
            }
            for (Message m : second.messagesWith(type)) {
                assertThat(m.signature()).isEqualTo(WebhookFixtures.signature(two.secret(), m.id(), m.timestamp(), m.body()));
            }
            // the same event has the same webhook-id at both subscribers
            assertThat(first.messagesWith(type).stream().map(Message::id).collect(Collectors.toSet()))
                    .isEqualTo(second.messagesWith(type).stream().map(Message::id).collect(Collectors.toSet()));
            // the receiver sees a message just before its sender records it: wait for the records
            await().atMost(Duration.ofSeconds(30)).until(() -> total(claimedBy(one)) == ALERTS && total(claimedBy(two)) == ALERTS);
            Map<String, Long> byInstance = new java.util.TreeMap<>(claimedBy(one));
            claimedBy(two).forEach((name, count) -> byInstance.merge(name, count, Long::sum));
            io.quarkus.logging.Log.infof("deliveries by instance over both subscribers: %s", byInstance);
            assertThat(byInstance.keySet()).containsExactlyInAnyOrder("instance-1", "instance-2");
        }
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> claimedBy(WebhookFixtures.Created subscription) {
        List<String> names = riskOfficer().get("/api/webhooks/" + subscription.id() + "/deliveries?status=DELIVERED&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("claimedBy", String.class);
        return names.stream().collect(Collectors.groupingBy(Function.identity(), java.util.TreeMap::new, Collectors.counting()));
    }
}
