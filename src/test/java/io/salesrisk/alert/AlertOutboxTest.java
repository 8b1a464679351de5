package io.salesrisk.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.alert.persistence.AlertRecord;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.alert.service.AlertService;
import io.salesrisk.facts.Severity;
import io.salesrisk.outbox.OutboxAudience;
import io.salesrisk.outbox.OutboxEvent;
import io.salesrisk.outbox.OutboxRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every alert change people must hear about is in the outbox exactly when it is committed: opened, escalated (a
 * repeat at a higher severity; a plain repeat is not an event), acknowledged, closed by hand or by the system with a
 * note; a rolled-back raise leaves neither the alert nor its event.
 */
@QuarkusTest
class AlertOutboxTest {

    @Inject
    AlertService alerts;
    @Inject
    OutboxRepository outbox;
    @Inject
    ObjectMapper mapper;

    @Test
    void shouldAppendAnEventForEachChangeOfAnAlertInItsTransaction() throws Exception {
        String type = uniqueId("SALES_DROP");
        String subject = uniqueId("C");
        long start = outbox.lastSeq();

        raise(alert(type, subject, Severity.MEDIUM, "sales fell 40 %"));
        raise(alert(type, subject, Severity.MEDIUM, "sales fell 42 %"));   // a repeat: no event
        raise(alert(type, subject, Severity.HIGH, "sales fell 70 %"));     // escalated
        raise(alert(type, subject, Severity.LOW, "sales fell 20 %"));      // a repeat at a lower severity: no event
        String id = alerts.findOpen(type + "|CUSTOMER:" + subject).orElseThrow().id().toString();
        riskOfficer().post("/api/alerts/" + id + "/acknowledge").then().statusCode(200);
        riskOfficer().post("/api/alerts/" + id + "/close").then().statusCode(200);

        List<OutboxEvent> events = eventsAfter(start, subject);
        assertThat(events).extracting(OutboxEvent::type)
                .containsExactly("alert.opened", "alert.escalated", "alert.acknowledged", "alert.closed");
        assertThat(events).extracting(OutboxEvent::severity).containsExactly("MEDIUM", "HIGH", "LOW", "LOW");
        assertThat(events).extracting(OutboxEvent::audience).containsOnly(OutboxAudience.REVIEWERS);
        JsonNode escalated = mapper.readTree(events.get(1).payload());
        assertThat(escalated.path("id").asText()).isEqualTo(id);
        assertThat(escalated.path("message").asText()).isEqualTo("sales fell 70 %");
        assertThat(escalated.path("occurrences").asInt()).isEqualTo(3);
        assertThat(escalated.path("values").path("drop").asInt()).isEqualTo(70);
        JsonNode closed = mapper.readTree(events.get(3).payload());
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closedBy").asText()).isEqualTo("risk");
        assertThat(events).extracting(OutboxEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldCloseARecoveredAlertAsTheSystemWithItsNote() throws Exception {
        String type = uniqueId("KPI");
        String subject = uniqueId("DSO:SEGMENT");
        long start = outbox.lastSeq();
        NewAlert crossed = new NewAlert(type, "KPI", subject, null, Severity.HIGH, "DSO 95 days", Map.of("drop", 95), null);
        raise(crossed);

        AlertRecord closed = QuarkusTransaction.requiringNew().call(() ->
                alerts.closeRecovered(crossed.openKey(), "DSO 41 days, back within 0-45", OffsetDateTime.now()).orElseThrow());
        boolean again = QuarkusTransaction.requiringNew().call(() ->
                alerts.closeRecovered(crossed.openKey(), "nothing open", OffsetDateTime.now()).isPresent());

        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.closedBy()).isEqualTo(AlertService.SYSTEM);
        assertThat(closed.closeNote()).isEqualTo("DSO 41 days, back within 0-45");
        assertThat(again).isFalse();
        riskOfficer().get("/api/alerts/" + closed.id()).then().statusCode(200)
                .body("closeNote", org.hamcrest.Matchers.equalTo("DSO 41 days, back within 0-45"));
        List<OutboxEvent> events = eventsAfter(start, subject);
        assertThat(events).extracting(OutboxEvent::type).containsExactly("alert.opened", "alert.closed");
        assertThat(mapper.readTree(events.get(1).payload()).path("closeNote").asText()).startsWith("DSO 41 days");
    }

    @Test
    void shouldLeaveNeitherAlertNorEventWhenTheTransactionRollsBack() {
        String type = uniqueId("LATE_PAYER");
        String subject = uniqueId("C");
        long start = outbox.lastSeq();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            alerts.raise(List.of(alert(type, subject, Severity.HIGH, "pays late")), OffsetDateTime.now());
            throw new IllegalStateException("the chunk failed after raising");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(alerts.findOpen(type + "|CUSTOMER:" + subject)).isEmpty();
        assertThat(eventsAfter(start, subject)).isEmpty();
    }

    @Test
    void shouldOpenOneAlertWhenABatchRaisesTheSameFindingTwice() {
        String type = uniqueId("ORDER_SPIKE");
        String subject = uniqueId("C");
        long start = outbox.lastSeq();

        QuarkusTransaction.requiringNew().run(() -> alerts.raise(List.of(
                alert(type, subject, Severity.MEDIUM, "first"), alert(type, subject, Severity.MEDIUM, "second")),
                OffsetDateTime.now()));

        AlertRecord open = alerts.findOpen(type + "|CUSTOMER:" + subject).orElseThrow();
        assertThat(open.occurrences()).isEqualTo(2);
        assertThat(open.message()).isEqualTo("second");
        assertThat(eventsAfter(start, subject)).extracting(OutboxEvent::type).containsExactly("alert.opened");
    }

    @Test
    void shouldLetSalesHearOfContingencyPlanNoticesOnly() {
        String subject = uniqueId("PLAN");
        long start = outbox.lastSeq();
        raise(new NewAlert("PLAN_ACTIVATED", "PLAN", subject, "sales", Severity.HIGH, "plan activated", Map.of(), null));

        assertThat(eventsAfter(start, subject)).extracting(OutboxEvent::audience).containsExactly(OutboxAudience.SALES);
    }

    private void raise(NewAlert alert) {
        QuarkusTransaction.requiringNew().run(() -> alerts.raise(List.of(alert), OffsetDateTime.now()));
    }

    private static NewAlert alert(String type, String subject, Severity severity, String message) {
        String digits = message.replaceAll("\\D+", "");
        Map<String, Object> values = digits.isEmpty() ? Map.of() : Map.of("drop", Integer.parseInt(digits));
        return new NewAlert(type, "CUSTOMER", subject, null, severity, message, values, null);
    }

    /** This test's events: other tests raise alerts too. */
    private List<OutboxEvent> eventsAfter(long seq, String subject) {
        return outbox.after(seq, 10_000).stream().filter(e -> e.payload().contains(subject)).toList();
    }
}
