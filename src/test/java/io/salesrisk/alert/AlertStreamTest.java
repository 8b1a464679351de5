package io.salesrisk.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.facts.Severity;
import io.salesrisk.outbox.OutboxRepository;
import io.salesrisk.testsupport.DeskClient;
import io.salesrisk.testsupport.SseClient;
import io.salesrisk.testsupport.SseClient.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live alert stream over real HTTP: each alert change as it commits, with the outbox sequence as the event id;
 * resuming after Last-Event-ID or ?after=; sales see only the events for sales; heartbeats on a quiet stream; an
 * event whose transaction commits after a later one's still arrives, in sequence order; bad positions are refused.
 */
@QuarkusTest
class AlertStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/api/alerts/stream")
    URL stream;
    @TestHTTPResource("/desk/alerts/stream")
    URL deskStream;

    @Inject
    AlertService alerts;
    @Inject
    OutboxRepository outbox;
    @Inject
    ObjectMapper mapper;

    @Test
    void shouldSendEachAlertChangeAsItIsCommittedWithTheOutboxSequenceAsItsId() throws Exception {
        String subject = uniqueId("C");
        try (SseClient client = SseClient.open(stream.toString(), "risk", "risk123", Map.of())) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.contentType()).startsWith("text/event-stream");
            assertThat(client.next(Event::isComment, WAIT)).as("the stream opens with a comment").isNotNull();

            NewAlert alert = alert(uniqueId("SALES_DROP"), "CUSTOMER", subject, Severity.HIGH);
            raise(alert);
            String id = alerts.findOpen(alert.openKey()).orElseThrow().id().toString();
            riskOfficer().post("/api/alerts/" + id + "/acknowledge").then().statusCode(200);

            List<Event> events = client.collect(about(subject), 2, WAIT);
            assertThat(events).extracting(Event::name).containsExactly("alert.opened", "alert.acknowledged");
            JsonNode opened = mapper.readTree(events.get(0).data());
            assertThat(opened.path("seq").asLong()).isEqualTo(Long.parseLong(events.get(0).id()));
            assertThat(opened.path("type").asText()).isEqualTo("alert.opened");
            assertThat(opened.path("severity").asText()).isEqualTo("HIGH");
            assertThat(opened.path("data").path("id").asText()).isEqualTo(id);
            assertThat(opened.path("data").path("message").asText()).isEqualTo("alert on " + subject);
            assertThat(outbox.find(java.util.UUID.fromString(opened.path("id").asText())).orElseThrow().seq())
                    .isEqualTo(Long.parseLong(events.get(0).id()));
            assertThat(Long.parseLong(events.get(1).id())).isGreaterThan(Long.parseLong(events.get(0).id()));
        }
    }

    @Test
    void shouldResumeAfterTheLastEventIdOrTheAfterParameterWithNothingMissedOrRepeated() throws Exception {
        String subject = uniqueId("C");
        long before = outbox.lastSeq();
        for (int i = 0; i < 3; i++) {
            raise(alert(uniqueId("T" + i), "CUSTOMER", subject, Severity.HIGH));
        }
        List<Event> all;
        try (SseClient client = SseClient.open(stream.toString(), "auditor", "audit123",
                Map.of("Last-Event-ID", Long.toString(before)))) {
            all = client.collect(about(subject), 3, WAIT);
        }
        assertThat(all).hasSize(3);
        assertThat(all).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();

        // a client that saw the first resumes after it: the other two, and then the live ones
        try (SseClient client = SseClient.open(stream + "?after=" + all.get(0).id(), "risk", "risk123", Map.of())) {
            List<Event> rest = client.collect(about(subject), 2, WAIT);
            assertThat(rest).extracting(Event::id).containsExactly(all.get(1).id(), all.get(2).id());
            raise(alert(uniqueId("T3"), "CUSTOMER", subject, Severity.HIGH));
            Event live = client.next(about(subject), WAIT);
            assertThat(live).isNotNull();
            assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(all.get(2).id()));
        }
    }

    @Test
    void shouldSendSalesOnlyTheEventsForSalesAndReviewersEverything() throws Exception {
        String subject = uniqueId("S");
        long before = outbox.lastSeq();
        raise(alert(uniqueId("CUSTOMER_ALERT"), "CUSTOMER", subject, Severity.HIGH));
        raise(alert(uniqueId("PLAN_ACTIVATED"), "PLAN", subject, Severity.HIGH));
        Map<String, String> from = Map.of("Last-Event-ID", Long.toString(before));
        try (SseClient sales = SseClient.open(stream.toString(), "sales", "sales123", from);
             SseClient auditor = SseClient.open(stream.toString(), "auditor", "audit123", from)) {
            assertThat(auditor.collect(about(subject), 2, WAIT)).hasSize(2);
            List<Event> forSales = sales.collect(about(subject), 2, Duration.ofSeconds(2));
            assertThat(forSales).hasSize(1);
            assertThat(mapper.readTree(forSales.get(0).data()).path("data").path("subjectType").asText()).isEqualTo("PLAN");
        }
    }

    @Test
    void shouldKeepAQuietStreamOpenWithHeartbeats() throws Exception {
        try (SseClient client = SseClient.open(stream.toString(), "risk", "risk123", Map.of())) {
            assertThat(client.next(e -> e.isComment() && e.data().equals("heartbeat"), WAIT)).isNotNull();
        }
    }

    @Test
    void shouldDeliverAnEventWhoseTransactionCommitsAfterALaterOneInSequenceOrder() throws Exception {
        String subject = uniqueId("G");
        try (SseClient client = SseClient.open(stream.toString(), "risk", "risk123", Map.of())) {
            assertThat(client.next(Event::isComment, WAIT)).isNotNull();
            CountDownLatch slowInserted = new CountDownLatch(1);
            CountDownLatch fastCommitted = new CountDownLatch(1);
            // the slow transaction takes its sequence number first and commits after the fast one
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                alerts.raise(List.of(alert(uniqueId("SLOW"), "CUSTOMER", subject, Severity.HIGH)), OffsetDateTime.now());
                slowInserted.countDown();
                await(fastCommitted);
                sleep(300);
            }));
            assertThat(slowInserted.await(10, TimeUnit.SECONDS)).isTrue();
            raise(alert(uniqueId("FAST"), "CUSTOMER", subject, Severity.HIGH));
            fastCommitted.countDown();
            slow.get(10, TimeUnit.SECONDS);

            List<Event> events = client.collect(about(subject), 2, WAIT);
            assertThat(events).hasSize(2);
            assertThat(events).extracting(e -> Long.parseLong(e.id())).isSorted();
            assertThat(mapper.readTree(events.get(0).data()).path("data").path("type").asText()).startsWith("SLOW");

            // a number that stays missing (a rolled-back raise) holds the stream up only for the gap wait
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    alerts.raise(List.of(alert(uniqueId("ROLLED_BACK"), "CUSTOMER", subject, Severity.HIGH)),
                            OffsetDateTime.now());
                    throw new IllegalStateException("rolled back on purpose");
                });
            } catch (IllegalStateException expected) {
                // the raise and its event are gone; its sequence number stays unused
            }
            raise(alert(uniqueId("AFTER_GAP"), "CUSTOMER", subject, Severity.HIGH));
            Event after = client.next(about(subject), WAIT);
            assertThat(after).isNotNull();
            assertThat(mapper.readTree(after.data()).path("data").path("type").asText()).startsWith("AFTER_GAP");
        }
    }

    @Test
    void shouldRefuseABadPositionAsAProblemAndAnUnknownUser() {
        given().auth().preemptive().basic("risk", "risk123").header("Last-Event-ID", "yesterday")
                .get("/api/alerts/stream")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Last-Event-ID"));
        given().auth().preemptive().basic("risk", "risk123").queryParam("after", "-5")
                .get("/api/alerts/stream")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
        given().get("/api/alerts/stream").then().statusCode(401);
    }

    @Test
    void shouldStreamToTheDeskWithTheSessionCookie() throws Exception {
        DeskClient desk = DeskClient.riskOfficer();
        String subject = uniqueId("D");
        try (SseClient client = SseClient.open(deskStream.toString(), null, null,
                Map.of("Cookie", DeskClient.SESSION_COOKIE + "=" + desk.sessionCookie()))) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.next(Event::isComment, WAIT)).isNotNull();
            raise(alert(uniqueId("DESK"), "CUSTOMER", subject, Severity.HIGH));
            assertThat(client.next(about(subject), WAIT)).isNotNull();
        }
    }

    private static Predicate<Event> about(String subject) {
        return e -> !e.isComment() && e.data().contains("\"subjectId\":\"" + subject + "\"");
    }

    private void raise(NewAlert alert) {
        QuarkusTransaction.requiringNew().run(() -> alerts.raise(List.of(alert), OffsetDateTime.now()));
    }

    private static NewAlert alert(String type, String subjectType, String subject, Severity severity) {
        return new NewAlert(type, subjectType, subject, null, severity, "alert on " + subject, Map.of("value", 1), null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
