package io.salesrisk.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.salesrisk.alert.persistence.AlertRepository;
import io.salesrisk.alert.persistence.NewAlert;
import io.salesrisk.facts.Severity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.risk2;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The alert queue through the REST API: filters and paging, one alert, acknowledging and closing, who may do what.
 * Alerts are raised through the repository, as a re-evaluation chunk raises them.
 */
@QuarkusTest
class AlertResourceTest {

    private static final String ALERTS = "/api/alerts";

    @Inject
    AlertRepository alerts;

    @Test
    void shouldListAlertsNewestFirstFilteredByStatusTypeAndSubject() {
        // given: three alerts about one customer, raised a minute apart, of two types; the oldest acknowledged
        String subject = uniqueId("C");
        String dropType = uniqueId("SALES_DROP");
        String lateType = uniqueId("LATE_PAYER");
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String oldest = raise(alert(dropType, subject, "sales fell"), now.minusMinutes(3));
        String middle = raise(alert(lateType, subject, "pays late"), now.minusMinutes(2));
        String newest = raise(alert(dropType, uniqueId("ignored"), "another customer"), now.minusMinutes(1));
        String newestOfSubject = raise(alert(uniqueId("ORDER_SPIKE"), subject, "large order"), now.minusMinutes(1));
        riskOfficer().post(ALERTS + "/" + oldest + "/acknowledge").then().statusCode(200);

        // when / then: by subject, newest first
        riskOfficer().get(ALERTS + "?subject=" + subject).then().statusCode(200)
                .body("id", contains(newestOfSubject, middle, oldest))
                .body("subjectId", contains(subject, subject, subject));
        // by type
        riskOfficer().get(ALERTS + "?type=" + dropType).then().statusCode(200)
                .body("id", contains(newest, oldest));
        // by status, case-insensitive, together with the subject
        riskOfficer().get(ALERTS + "?status=acknowledged&subject=" + subject).then().statusCode(200)
                .body("id", contains(oldest))
                .body("[0].status", equalTo("ACKNOWLEDGED"));
        riskOfficer().get(ALERTS + "?status=OPEN&subject=" + subject).then().statusCode(200)
                .body("id", contains(newestOfSubject, middle));
        riskOfficer().get(ALERTS + "?status=CLOSED&subject=" + subject).then().statusCode(200)
                .body("", empty());
        // by type and subject
        riskOfficer().get(ALERTS + "?type=" + lateType + "&subject=" + subject).then().statusCode(200)
                .body("id", contains(middle))
                .body("[0].message", equalTo("pays late"));
    }

    @Test
    void shouldPageThroughTheAlertsWithLimitAndOffset() {
        // given
        String subject = uniqueId("C");
        String type = uniqueId("SALES_DROP");
        OffsetDateTime now = OffsetDateTime.now();
        String first = raise(alert(type, subject, "first"), now.minusMinutes(3));
        String second = raise(alert(type + "-2", subject, "second"), now.minusMinutes(2));
        String third = raise(alert(type + "-3", subject, "third"), now.minusMinutes(1));

        // when / then
        riskOfficer().get(ALERTS + "?subject=" + subject + "&limit=2").then().statusCode(200)
                .body("id", contains(third, second));
        riskOfficer().get(ALERTS + "?subject=" + subject + "&limit=2&offset=2").then().statusCode(200)
                .body("id", contains(first));
        riskOfficer().get(ALERTS + "?subject=" + subject + "&limit=2&offset=3").then().statusCode(200)
                .body("", empty());
        riskOfficer().get(ALERTS + "?subject=" + subject + "&limit=1000").then().statusCode(200)
                .body("id", contains(third, second, first));
    }

    @Test
    void shouldRefuseALimitOutsideOneToOneThousandNamingTheField() {
        for (String limit : List.of("0", "1001", "-5")) {
            riskOfficer().get(ALERTS + "?limit=" + limit).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        riskOfficer().get(ALERTS + "?offset=-1").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("offset"));
        riskOfficer().get(ALERTS + "?status=RESOLVED").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldShowOneAlertWithTheValuesBehindIt() {
        // given
        String subject = uniqueId("C");
        UUID runId = UUID.randomUUID();
        String id = raise(new NewAlert("SALES_OUTLIER_LOW", "CUSTOMER", subject, null, Severity.HIGH,
                "last month's sales far below the usual", Map.of("profile.robustZ", -3.5), runId), OffsetDateTime.now());

        // when / then
        auditor().get(ALERTS + "/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("type", equalTo("SALES_OUTLIER_LOW"))
                .body("subjectType", equalTo("CUSTOMER"))
                .body("subjectId", equalTo(subject))
                .body("owner", nullValue())
                .body("runId", equalTo(runId.toString()))
                .body("severity", equalTo("HIGH"))
                .body("status", equalTo("OPEN"))
                .body("message", equalTo("last month's sales far below the usual"))
                .body("values.'profile.robustZ'", equalTo(-3.5f))
                .body("occurrences", equalTo(1))
                .body("firstSeen", notNullValue())
                .body("closedAt", nullValue())
                .body("closedBy", nullValue());
    }

    @Test
    void shouldAnswer404ForAnUnknownAlert() {
        UUID unknown = UUID.randomUUID();

        riskOfficer().get(ALERTS + "/" + unknown).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("alert " + unknown + " does not exist"));
        riskOfficer().post(ALERTS + "/" + unknown + "/acknowledge").then().statusCode(404);
        riskOfficer().post(ALERTS + "/" + unknown + "/close").then().statusCode(404);
    }

    @Test
    void shouldUpdateTheOpenAlertWhenTheSameFindingIsRaisedAgain() {
        // given
        String subject = uniqueId("C");
        String type = uniqueId("SALES_DROP");
        OffsetDateTime firstSeen = OffsetDateTime.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        String id = raise(alert(type, subject, "sales fell 30%"), firstSeen);

        // when
        String again = raise(new NewAlert(type, "CUSTOMER", subject, null, Severity.MEDIUM, "sales fell 40%",
                Map.of("drop", 40), null), OffsetDateTime.now());

        // then
        assertThat(again).isEqualTo(id);
        JsonPath listed = riskOfficer().get(ALERTS + "?subject=" + subject).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(id))
                .body("[0].occurrences", equalTo(2))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].severity", equalTo("MEDIUM"))
                .body("[0].message", equalTo("sales fell 40%"))
                .body("[0].values.drop", equalTo(40))
                .extract().jsonPath();
        assertThat(OffsetDateTime.parse(listed.getString("[0].firstSeen"))).isAtSameInstantAs(firstSeen);
        assertThat(OffsetDateTime.parse(listed.getString("[0].lastSeen"))).isAfter(firstSeen.plusMinutes(59));
    }

    @Test
    void shouldKeepTheSameFindingsOfDifferentOwnersApart() {
        // given
        String subject = uniqueId("PLAN");
        String type = uniqueId("PLAN_ACTIVATED");

        // when
        raise(new NewAlert(type, "PLAN", subject, "sales-lead", Severity.HIGH, "plan active", Map.of(), null), OffsetDateTime.now());
        raise(new NewAlert(type, "PLAN", subject, "cfo", Severity.HIGH, "plan active", Map.of(), null), OffsetDateTime.now());

        // then
        riskOfficer().get(ALERTS + "?subject=" + subject).then().statusCode(200)
                .body("size()", equalTo(2))
                .body("occurrences", contains(1, 1));
    }

    @Test
    void shouldAcknowledgeAnOpenAlertOnlyOnceAndStillUpdateItWhenRaisedAgain() {
        // given
        String subject = uniqueId("C");
        NewAlert finding = alert(uniqueId("LATE_PAYER"), subject, "pays late");
        String id = raise(finding, OffsetDateTime.now().minusMinutes(5));

        // when
        riskOfficer().post(ALERTS + "/" + id + "/acknowledge").then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("closedBy", nullValue());

        // then
        riskOfficer().post(ALERTS + "/" + id + "/acknowledge").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        assertThat(raise(finding, OffsetDateTime.now())).isEqualTo(id);
        riskOfficer().get(ALERTS + "/" + id).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("occurrences", equalTo(2));
    }

    @Test
    void shouldCloseAnAlertOnceSoTheNextFindingOpensANewOne() {
        // given
        String subject = uniqueId("C");
        NewAlert finding = alert(uniqueId("SALES_DROP"), subject, "sales fell");
        String id = raise(finding, OffsetDateTime.now().minusMinutes(5));
        riskOfficer().post(ALERTS + "/" + id + "/acknowledge").then().statusCode(200);

        // when
        riskOfficer().post(ALERTS + "/" + id + "/close").then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo("risk"))
                .body("closedAt", notNullValue());

        // then
        risk2().post(ALERTS + "/" + id + "/close").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        riskOfficer().post(ALERTS + "/" + id + "/acknowledge").then().statusCode(409);
        String reopened = raise(finding, OffsetDateTime.now());
        assertThat(reopened).isNotEqualTo(id);
        riskOfficer().get(ALERTS + "?subject=" + subject).then().statusCode(200)
                .body("id", contains(reopened, id))
                .body("status", contains("OPEN", "CLOSED"))
                .body("occurrences", contains(1, 1))
                .body("[1].closedBy", equalTo("risk"));
    }

    @Test
    void shouldLetAuditorsReadAlertsButOnlyRiskOfficersActOnThem() {
        // given
        String id = raise(alert(uniqueId("SALES_DROP"), uniqueId("C"), "sales fell"), OffsetDateTime.now());

        // when / then
        auditor().get(ALERTS).then().statusCode(200);
        auditor().get(ALERTS + "/" + id).then().statusCode(200);
        auditor().post(ALERTS + "/" + id + "/acknowledge").then().statusCode(403);
        auditor().post(ALERTS + "/" + id + "/close").then().statusCode(403);
        sales().get(ALERTS).then().statusCode(403);
        sales().get(ALERTS + "/" + id).then().statusCode(403);
        sales().post(ALERTS + "/" + id + "/acknowledge").then().statusCode(403);
        RestAssured.given().get(ALERTS).then().statusCode(401);
        riskOfficer().get(ALERTS + "/" + id).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    private static NewAlert alert(String type, String customerId, String message) {
        return new NewAlert(type, "CUSTOMER", customerId, null, Severity.HIGH, message, Map.of("test", true), null);
    }

    /** Raises one alert in its own transaction, as a chunk would, and returns the id of the alert it opened or updated. */
    private String raise(NewAlert alert, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> alerts.raiseAll(List.of(alert), at));
        return QuarkusTransaction.requiringNew().call(() -> alerts.find("openKey", alert.openKey()).singleResult().id)
                .toString();
    }
}
