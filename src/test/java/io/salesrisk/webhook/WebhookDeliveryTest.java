package io.salesrisk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.testsupport.WebhookReceiver;
import io.salesrisk.testsupport.WebhookReceiver.Answer;
import io.salesrisk.testsupport.WebhookReceiver.Message;
import io.salesrisk.webhook.persistence.DeliveryRepository;
import io.salesrisk.webhook.service.WebhookInstance;
import io.salesrisk.webhook.service.WebhookWorkers;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts reach a real receiver on a loopback port as signed Standard Webhooks messages, whatever the receiver does:
 * answers 500, times out, closes the connection, is down and comes back, answers 410, asks for Retry-After,
 * redirects; and whatever the service does: killed between claim and send, or stopped before fanning out.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AlertService alerts;
    @Inject
    WebhookWorkers workers;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    Jdbc jdbc;
    @Inject
    ObjectMapper mapper;

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
    void shouldDeliverEachAlertSignedWithTheStandardWebhooksHeaders() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            WebhookFixtures.Created subscription = fixtures.subscribe(receiver.url("/hooks"));
            String type = uniqueId("HAPPY");
            fixtures.start("instance-a");

            fixtures.raise(type, 3);

            await().atMost(WAIT).until(() -> receiver.distinctIdsWith(type) == 3);
            for (Message message : receiver.messagesWith(type)) {
                assertThat(message.path()).isEqualTo("/hooks");
                assertThat(message.contentType()).isEqualTo("application/json");
                assertThat(message.signature()).isEqualTo(WebhookFixtures.signature(subscription.secret(), message.id(),
                        message.timestamp(), message.body()));
                assertThat(Long.parseLong(message.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                        org.assertj.core.data.Offset.offset(60L));
                JsonNode body = mapper.readTree(message.body());
                assertThat(body.path("type").asText()).isEqualTo("alert.opened");
                assertThat(Instant.parse(body.path("timestamp").asText())).isBefore(Instant.now());
                assertThat(body.path("data").path("type").asText()).isEqualTo(type);
                assertThat(body.path("data").path("status").asText()).isEqualTo("OPEN");
            }
            assertThat(receiver.duplicates()).isZero();
            Message first = receiver.messagesWith(type).get(0);
            // what a receiver gets, for the README
            io.quarkus.logging.Log.infof("message at the receiver:%nwebhook-id: %s%nwebhook-timestamp: %s%nwebhook-signature: %s%n%s",
                    first.id(), first.timestamp(), first.signature(), mapper.readTree(first.body()).toPrettyString());
            JsonPath log = riskOfficer().get("/api/webhooks/" + subscription.id() + "/deliveries?status=DELIVERED&limit=1")
                    .then().log().body().statusCode(200).extract().jsonPath();
            assertThat(log.getList("$")).hasSize(1);
            log = riskOfficer().get("/api/webhooks/" + subscription.id() + "/deliveries?status=DELIVERED")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(log.getList("eventId", String.class)).containsAll(receiver.messagesWith(type).stream().map(Message::id).toList());
            assertThat(log.getList("attempts", Integer.class)).containsOnly(1);
            assertThat(log.getList("lastStatus", Integer.class)).containsOnly(204);
            assertThat(log.getList("claimedBy", String.class)).containsOnly("instance-a");
            String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("salesrisk_webhook_deliveries_total{result=\"delivered\"}")
                    .contains("salesrisk_webhook_delivery_lag_seconds_count").contains("salesrisk_outbox_depth")
                    .contains("salesrisk_webhook_deliveries_pending");
        }
    }

    @Test
    void shouldRetryAfterA500WithTheSameWebhookId() {
        try (WebhookReceiver receiver = WebhookReceiver.start().then(Answer.status(500))) {
            WebhookFixtures.Created subscription = fixtures.subscribe(receiver.url("/"));
            String type = uniqueId("RETRY");
            fixtures.start("instance-a");

            fixtures.raise(type, 1);

            await().atMost(WAIT).until(() -> receiver.messagesWith(type).size() == 2);
            List<Message> messages = receiver.messagesWith(type);
            assertThat(messages.get(1).id()).isEqualTo(messages.get(0).id());
            await().atMost(WAIT).untilAsserted(() -> riskOfficer().get("/api/webhooks/" + subscription.id() + "/deliveries")
                    .then().statusCode(200).body("find { it.eventId == '" + messages.get(0).id() + "' }.status",
                            org.hamcrest.Matchers.equalTo("DELIVERED"))
                    .body("find { it.eventId == '" + messages.get(0).id() + "' }.attempts", org.hamcrest.Matchers.equalTo(2)));
        }
    }

    @Test
    void shouldRetryAReceiverThatAnswersTooLate() {
        // the receiver sleeps past the 3 s request timeout of the test profile, then answers in time
        try (WebhookReceiver receiver = WebhookReceiver.start().then(Answer.slow(4500))) {
            WebhookFixtures.Created subscription = fixtures.subscribe(receiver.url("/"));
            String type = uniqueId("SLOW");
            fixtures.start("instance-a");

            fixtures.raise(type, 1);

            await().atMost(WAIT).until(() -> receiver.messagesWith(type).size() >= 2 && delivered(subscription).size() == 1);
            assertThat(receiver.distinctIdsWith(type)).isEqualTo(1);
            JsonPath log = deliveryLog(subscription);
            assertThat(log.getInt("[0].attempts")).isEqualTo(2);
            assertThat(log.getString("[0].lastError")).isNull();
        }
    }

    @Test
    void shouldRetryAReceiverThatClosesTheConnectionWithoutAnswering() throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> rawReceiver(socket, connections, ids));
            server.setDaemon(true);
            server.start();
            WebhookFixtures.Created subscription = fixtures.subscribe("http://127.0.0.1:" + socket.getLocalPort() + "/raw");
            String type = uniqueId("HANGUP");
            fixtures.start("instance-a");

            fixtures.raise(type, 1);

            await().atMost(WAIT).until(() -> delivered(subscription).size() == 1);
            assertThat(connections.get()).isGreaterThanOrEqualTo(2);
            assertThat(ids).hasSize(1);
            assertThat(deliveryLog(subscription).getInt("[0].attempts")).isGreaterThanOrEqualTo(2);
        }
    }

    /** The first connection is closed as soon as the request is read; later ones get 200 and are recorded. */
    private static void rawReceiver(ServerSocket socket, AtomicInteger connections, List<String> ids) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                String request = readRequestHead(client.getInputStream());
                if (connections.incrementAndGet() == 1) {
                    continue;
                }
                request.lines().filter(l -> l.toLowerCase().startsWith("webhook-id:"))
                        .forEach(l -> ids.add(l.substring("webhook-id:".length()).strip()));
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String readRequestHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    @Test
    void shouldDeliverEverythingToAReceiverThatWasDownAndCameBackOnItsPort() {
        int port = WebhookReceiver.freePort();
        WebhookFixtures.Created subscription = fixtures.subscribe("http://127.0.0.1:" + port + "/back");
        String type = uniqueId("DOWN");
        fixtures.start("instance-a");

        fixtures.raise(type, 5);
        await().atMost(WAIT).until(() -> failedAttempts(subscription) >= 5);   // every message tried, refused
        try (WebhookReceiver receiver = WebhookReceiver.start(port)) {
            await().atMost(WAIT).until(() -> receiver.distinctIdsWith(type) == 5);
            assertThat(receiver.duplicates()).isZero();
            assertThat(deliveryLog(subscription).getList("status", String.class)).containsOnly("DELIVERED");
        }
    }

    private long failedAttempts(WebhookFixtures.Created subscription) {
        return deliveryLog(subscription).getList("attempts", Integer.class).stream().filter(a -> a >= 1).count();
    }

    @Test
    void shouldDisableTheSubscriptionWhenTheReceiverAnswers410AndSayItWithAnAlert() {
        try (WebhookReceiver gone = WebhookReceiver.start().always(Answer.status(410));
             WebhookReceiver other = WebhookReceiver.start()) {
            WebhookFixtures.Created subscription = fixtures.subscribe(gone.url("/"));
            fixtures.subscribe(other.url("/"));
            String type = uniqueId("GONE");
            fixtures.start("instance-a");

            fixtures.raise(type, 1);

            await().atMost(WAIT).untilAsserted(() -> riskOfficer().get("/api/webhooks/" + subscription.id()).then()
                    .statusCode(200).body("enabled", org.hamcrest.Matchers.equalTo(false))
                    .body("disabledReason", org.hamcrest.Matchers.containsString("410 Gone")));
            assertThat(deliveryLog(subscription).getString("[0].status")).isEqualTo("FAILED");
            assertThat(alerts.findOpen("WEBHOOK_DISABLED|WEBHOOK:" + subscription.id())).isPresent();
            // the alert is an outbox event like any other: the subscriber still enabled hears of it
            await().atMost(WAIT).until(() -> !other.messagesWith(subscription.id()).isEmpty());
            fixtures.raise(uniqueId("AFTER"), 1);
            await().atMost(WAIT).until(() -> other.messages().size() >= 3);
            assertThat(gone.messages()).hasSize(1);
        }
    }

    @Test
    void shouldWaitAsLongAsRetryAfterAsks() {
        // the test profile's schedule would retry after 200 ms; the receiver asks for 2 s
        try (WebhookReceiver receiver = WebhookReceiver.start().then(Answer.status(503, "Retry-After", "2"))) {
            fixtures.subscribe(receiver.url("/"));
            String type = uniqueId("LATER");
            fixtures.start("instance-a");

            fixtures.raise(type, 1);

            await().atMost(WAIT).until(() -> receiver.messagesWith(type).size() == 2);
            List<Message> messages = receiver.messagesWith(type);
            assertThat(Duration.between(messages.get(0).arrivedAt(), messages.get(1).arrivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
    }

    @Test
    void shouldNotFollowARedirect() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.then(Answer.status(302, "Location", receiver.url("/elsewhere")), Answer.status(302, "Location", receiver.url("/elsewhere")));
            WebhookFixtures.Created subscription = fixtures.subscribe(receiver.url("/moved"));
            String type = uniqueId("REDIRECT");
            fixtures.start("instance-a");

            fixtures.raise(type, 1);

            await().atMost(WAIT).until(() -> delivered(subscription).size() == 1);
            assertThat(receiver.messages()).extracting(Message::path).containsOnly("/moved").hasSize(3);
        }
    }

    @Test
    void shouldRecordTheRedirectAsAFailedAttempt() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.always(Answer.status(302, "Location", receiver.url("/elsewhere")));
            WebhookFixtures.Created subscription = fixtures.subscribe(receiver.url("/moved"));
            fixtures.start("instance-a");

            fixtures.raise(uniqueId("REDIRECT"), 1);

            await().atMost(WAIT).until(() -> deliveryLog(subscription).getList("attempts", Integer.class).stream()
                    .anyMatch(attempts -> attempts >= 2));
            JsonPath log = deliveryLog(subscription);
            assertThat(log.getInt("[0].lastStatus")).isEqualTo(302);
            assertThat(log.getString("[0].lastError")).contains("not followed");
            assertThat(receiver.messages()).extracting(Message::path).containsOnly("/moved");
        }
    }

    @Test
    void shouldGiveUpWhenTheScheduleIsUsedUpAndReplayOnRequest() {
        try (WebhookReceiver receiver = WebhookReceiver.start().always(Answer.status(500))) {
            WebhookFixtures.Created subscription = fixtures.subscribe(receiver.url("/"));
            String type = uniqueId("GIVEUP");
            fixtures.start("instance-a");

            fixtures.raise(type, 1);

            // 1 attempt + 7 retries of the test schedule (200 ms ... 1 s, about 5 s in all)
            await().atMost(WAIT).until(() -> "FAILED".equals(deliveryLog(subscription).getString("[0].status")));
            JsonPath log = deliveryLog(subscription);
            assertThat(log.getInt("[0].attempts")).isEqualTo(8);
            assertThat(log.getString("[0].lastError")).contains("receiver answered 500").contains("given up after 8 attempts");
            assertThat(receiver.messagesWith(type)).hasSize(8);

            receiver.always(Answer.status(204));
            riskOfficer().body("{\"status\": \"FAILED\"}").post("/api/webhooks/" + subscription.id() + "/replay")
                    .then().statusCode(200).body("replayed", org.hamcrest.Matchers.equalTo(1));
            await().atMost(WAIT).until(() -> delivered(subscription).size() == 1);
            assertThat(receiver.messagesWith(type)).hasSize(9).extracting(Message::id).containsOnly(log.getString("[0].eventId"));
        }
    }

    @Test
    void shouldReplayOneDeliveryWithTheSameWebhookId() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            WebhookFixtures.Created subscription = fixtures.subscribe(receiver.url("/"));
            String type = uniqueId("REPLAY");
            fixtures.start("instance-a");
            fixtures.raise(type, 1);
            await().atMost(WAIT).until(() -> delivered(subscription).size() == 1);
            String deliveryId = deliveryLog(subscription).getString("[0].id");

            riskOfficer().post("/api/webhooks/" + subscription.id() + "/deliveries/" + deliveryId + "/replay")
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("PENDING"));

            await().atMost(WAIT).until(() -> receiver.messagesWith(type).size() == 2);
            assertThat(receiver.messagesWith(type)).extracting(Message::id).containsOnly(receiver.messagesWith(type).get(0).id());
            riskOfficer().post("/api/webhooks/" + subscription.id() + "/deliveries/" + java.util.UUID.randomUUID() + "/replay")
                    .then().statusCode(404);
        }
    }

    @Test
    void shouldDisableASubscriptionThatFailsForTooLongAndRaiseAnAlert() {
        try (WebhookReceiver receiver = WebhookReceiver.start().always(Answer.status(500))) {
            WebhookFixtures.Created subscription = fixtures.subscribe(receiver.url("/"));
            // as if it had failed for two hours already (the test profile's disable-after is one hour)
            QuarkusTransaction.requiringNew().run(() -> jdbc.write(sql -> sql.update(
                    "UPDATE webhook_subscriptions SET failing_since = ? WHERE id = ?",
                    OffsetDateTime.now().minusHours(2), java.util.UUID.fromString(subscription.id()))));
            fixtures.start("instance-a");

            fixtures.raise(uniqueId("FAILING"), 1);

            await().atMost(WAIT).untilAsserted(() -> riskOfficer().get("/api/webhooks/" + subscription.id()).then()
                    .body("enabled", org.hamcrest.Matchers.equalTo(false))
                    .body("disabledReason", org.hamcrest.Matchers.containsString("every delivery failed since")));
            assertThat(alerts.findOpen("WEBHOOK_DISABLED|WEBHOOK:" + subscription.id()).orElseThrow().message())
                    .contains(receiver.url("/")).contains("receiver answered 500");
            // enabled again by an officer: the run of failures starts afresh and the pending delivery goes out
            receiver.always(Answer.status(204));
            riskOfficer().body("{\"enabled\": true}").patch("/api/webhooks/" + subscription.id()).then().statusCode(200)
                    .body("enabled", org.hamcrest.Matchers.equalTo(true)).body("failingSince", org.hamcrest.Matchers.nullValue());
            await().atMost(WAIT).until(() -> delivered(subscription).size() == 1);
        }
    }

    @Test
    void shouldDeliverAClaimWhoseInstanceDiedAfterItsLease() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            WebhookFixtures.Created subscription = fixtures.subscribe(receiver.url("/"));
            String type = uniqueId("CRASH");
            fixtures.raise(type, 4);
            // the dead instance fans out and claims, then dies before sending anything
            WebhookInstance dead = fixtures.idle("dead-instance");
            await().atMost(WAIT).until(() -> { dead.fanOutOnce(); return deliveryLog(subscription).getList("id").size() == 4; });
            // (other tests' subscriptions may have due deliveries too: count this subscription's)
            assertThat(deliveries.claim("dead-instance", 1000, Duration.ofSeconds(5), OffsetDateTime.now()))
                    .filteredOn(claim -> claim.subscriptionId().toString().equals(subscription.id())).hasSize(4);

            Instant survivorStarted = Instant.now();
            fixtures.start("survivor");

            await().atMost(WAIT).until(() -> receiver.distinctIdsWith(type) == 4);
            assertThat(receiver.duplicates()).isZero();
            // nobody sent them before the dead instance's lease (5 s) ran out
            assertThat(receiver.messagesWith(type)).allSatisfy(m ->
                    assertThat(m.arrivedAt()).isAfter(survivorStarted.plusMillis(4000)));
            assertThat(deliveryLog(subscription).getList("claimedBy", String.class)).containsOnly("survivor");
        }
    }

    @Test
    void shouldDeliverEventsCommittedWhileNoInstanceRan() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            fixtures.subscribe(receiver.url("/"));
            String type = uniqueId("RESTART");
            // the service committed these alerts and was killed before fanning them out
            fixtures.raise(type, 20);

            fixtures.start("restarted");

            await().atMost(WAIT).until(() -> receiver.distinctIdsWith(type) == 20);
            assertThat(receiver.duplicates()).isZero();
        }
    }

    @Test
    void shouldDeliverAnAlertWhoseTransactionCommittedAfterTheFanOutReadPastIt() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            fixtures.subscribe(receiver.url("/"));
            String slow = uniqueId("LATE_COMMIT");
            String quick = uniqueId("QUICK");
            fixtures.start("instance-a");
            java.util.concurrent.CountDownLatch raised = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
            // a transaction that takes its outbox seq, then stays open
            Thread open = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
                alerts.raise(List.of(new io.salesrisk.alert.persistence.NewAlert(slow, "CUSTOMER", "C-1", null,
                        io.salesrisk.facts.Severity.HIGH, "committed late", java.util.Map.of(), null)), OffsetDateTime.now());
                raised.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            open.start();
            assertThat(raised.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            // a later seq commits first; after the gap wait (500 ms in test) the fan-out reads past the open one
            fixtures.raise(quick, 1);
            await().atMost(WAIT).until(() -> receiver.distinctIdsWith(quick) == 1);
            assertThat(receiver.messagesWith(slow)).isEmpty();
            commit.countDown();
            open.join(20_000);

            await().atMost(WAIT).until(() -> receiver.distinctIdsWith(slow) == 1);
            assertThat(receiver.duplicates()).isZero();
        }
    }

    private JsonPath deliveryLog(WebhookFixtures.Created subscription) {
        return riskOfficer().get("/api/webhooks/" + subscription.id() + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
    }

    private List<String> delivered(WebhookFixtures.Created subscription) {
        return deliveryLog(subscription).getList("findAll { it.status == 'DELIVERED' }.id", String.class);
    }
}
