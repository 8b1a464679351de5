package io.salesrisk.limitproposal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.limitproposal.persistence.LimitProposalRepository;
import io.salesrisk.limitproposal.persistence.NewLimitProposal;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.salesrisk.testsupport.Api.auditor;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.customer;
import static io.salesrisk.testsupport.Api.risk2;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The queue of limit increases through the REST API: listing by status, approving (only while the customer's limit
 * is still the one the proposal started from), rejecting, who may decide. Proposals are stored through the
 * repository, as a re-evaluation chunk stores them.
 */
@QuarkusTest
class LimitProposalResourceTest {

    private static final String PROPOSALS = "/api/limit-proposals";
    private static final String REASONS = """
            {"score": [], "reasons": [{"rule": "CreditLimit[A, SMB]", "message": "limit 35% of 12-month sales"}]}
            """;

    @Inject
    LimitProposalRepository proposals;

    @Test
    void shouldListPendingProposalsByDefault() {
        // given
        String customer = createCustomer("B", "SMB", "100000", 30);
        UUID runId = UUID.randomUUID();
        String id = propose(customer, runId, "100000", "150000");

        // when / then
        auditor().get(PROPOSALS + "?customerId=" + customer).then().statusCode(200)
                .body("id", contains(id))
                .body("[0].customerId", equalTo(customer))
                .body("[0].runId", equalTo(runId.toString()))
                .body("[0].status", equalTo("PENDING"))
                .body("[0].currentLimit", equalTo(100000.00f))
                .body("[0].proposedLimit", equalTo(150000.00f))
                .body("[0].increasePercent", equalTo(50.00f))
                .body("[0].reasons.score", empty())
                .body("[0].reasons.reasons[0].rule", equalTo("CreditLimit[A, SMB]"))
                .body("[0].createdAt", notNullValue())
                .body("[0].decidedBy", nullValue());
        riskOfficer().get(PROPOSALS + "?status=pending&customerId=" + customer).then().statusCode(200)
                .body("id", contains(id));
        riskOfficer().get(PROPOSALS + "?status=APPROVED&customerId=" + customer).then().statusCode(200)
                .body("", empty());
        riskOfficer().get(PROPOSALS + "?status=ALL&customerId=" + customer).then().statusCode(200)
                .body("id", contains(id));
    }

    @Test
    void shouldListTheQueueOldestFirst() {
        // given
        String older = createCustomer("B", "SMB", "100000", 30);
        String newer = createCustomer("B", "SMB", "200000", 30);
        String olderId = propose(older, UUID.randomUUID(), "100000", "150000", OffsetDateTime.now().minusDays(400));
        String newerId = propose(newer, UUID.randomUUID(), "200000", "260000", OffsetDateTime.now().minusDays(399));

        // when / then
        riskOfficer().get(PROPOSALS + "?limit=2").then().statusCode(200)
                .body("id", contains(olderId, newerId));
    }

    @Test
    void shouldRefuseAnUnknownStatusOrALimitOutOfRange() {
        riskOfficer().get(PROPOSALS + "?status=WAITING").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("status must be PENDING, APPROVED, REJECTED, SUPERSEDED or ALL"));
        riskOfficer().get(PROPOSALS + "?limit=0").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        riskOfficer().get(PROPOSALS + "?limit=1001").then().statusCode(422)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldReplaceACustomersPendingProposalWithTheLaterOne() {
        // given
        String customer = createCustomer("B", "SMB", "100000", 30);
        String first = propose(customer, UUID.randomUUID(), "100000", "150000");

        // when
        String second = propose(customer, UUID.randomUUID(), "100000", "180000");

        // then
        riskOfficer().get(PROPOSALS + "?status=ALL&customerId=" + customer).then().statusCode(200)
                .body("id", contains(first))
                .body("[0].proposedLimit", equalTo(180000.00f));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldApplyTheProposedLimitWhenApproved() {
        // given
        String customer = createCustomer("B", "SMB", "100000", 30);
        String id = propose(customer, UUID.randomUUID(), "100000", "150000");

        // when
        riskOfficer().post(PROPOSALS + "/" + id + "/approve").then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("risk"))
                .body("decidedAt", notNullValue());

        // then
        riskOfficer().get("/api/customers/" + customer).then().statusCode(200)
                .body("creditLimit", equalTo(150000.00f));
        riskOfficer().get(PROPOSALS + "?customerId=" + customer).then().statusCode(200)
                .body("", empty());
        riskOfficer().get(PROPOSALS + "?status=APPROVED&customerId=" + customer).then().statusCode(200)
                .body("id", contains(id));
        riskOfficer().post(PROPOSALS + "/" + id + "/approve").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        riskOfficer().post(PROPOSALS + "/" + id + "/reject").then().statusCode(409);
    }

    @Test
    void shouldKeepTheCurrentLimitWhenRejected() {
        // given
        String customer = createCustomer("B", "SMB", "100000", 30);
        String id = propose(customer, UUID.randomUUID(), "100000", "150000");

        // when
        risk2Rejects(id);

        // then
        riskOfficer().get("/api/customers/" + customer).then().statusCode(200)
                .body("creditLimit", equalTo(100000.00f));
        riskOfficer().get(PROPOSALS + "?status=REJECTED&customerId=" + customer).then().statusCode(200)
                .body("id", contains(id))
                .body("[0].decidedBy", equalTo("risk2"));
        riskOfficer().post(PROPOSALS + "/" + id + "/reject").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("detail", equalTo("limit proposal " + id + " is REJECTED, not PENDING"));
        riskOfficer().post(PROPOSALS + "/" + id + "/approve").then().statusCode(409);
        riskOfficer().get("/api/customers/" + customer).then().body("creditLimit", equalTo(100000.00f));
    }

    @Test
    void shouldRefuseToApproveAProposalWhoseLimitChangedMeanwhile() {
        // given: a risk officer set another limit by hand after the proposal was made
        String customer = createCustomer("B", "SMB", "100000", 30);
        String id = propose(customer, UUID.randomUUID(), "100000", "150000");
        riskOfficer().body(customer("B", "SMB", "120000", 30)).put("/api/customers/" + customer)
                .then().statusCode(200);

        // when
        riskOfficer().post(PROPOSALS + "/" + id + "/approve").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("currentLimit"))
                .body("detail", containsString("is 120000.00 now, not 100000.00"));

        // then: nothing changed, the proposal still waits
        riskOfficer().get("/api/customers/" + customer).then().statusCode(200)
                .body("creditLimit", equalTo(120000.00f));
        riskOfficer().get(PROPOSALS + "?customerId=" + customer).then().statusCode(200)
                .body("id", contains(id))
                .body("[0].status", equalTo("PENDING"))
                .body("[0].decidedBy", nullValue());
    }

    @Test
    void shouldAnswer404ForAnUnknownProposal() {
        UUID unknown = UUID.randomUUID();

        riskOfficer().post(PROPOSALS + "/" + unknown + "/approve").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("limit proposal " + unknown + " does not exist"));
        riskOfficer().post(PROPOSALS + "/" + unknown + "/reject").then().statusCode(404);
    }

    @Test
    void shouldLetAuditorsReadTheQueueButOnlyRiskOfficersDecide() {
        // given
        String customer = createCustomer("B", "SMB", "100000", 30);
        String id = propose(customer, UUID.randomUUID(), "100000", "150000");

        // when / then
        auditor().get(PROPOSALS).then().statusCode(200);
        auditor().post(PROPOSALS + "/" + id + "/approve").then().statusCode(403);
        auditor().post(PROPOSALS + "/" + id + "/reject").then().statusCode(403);
        sales().get(PROPOSALS).then().statusCode(403);
        sales().post(PROPOSALS + "/" + id + "/approve").then().statusCode(403);
        riskOfficer().get(PROPOSALS + "?customerId=" + customer).then().statusCode(200)
                .body("[0].status", equalTo("PENDING"));
        riskOfficer().get("/api/customers/" + customer).then().body("creditLimit", equalTo(100000.00f));
    }

    private static void risk2Rejects(String id) {
        risk2().post(PROPOSALS + "/" + id + "/reject").then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("REJECTED"))
                .body("decidedBy", equalTo("risk2"))
                .body("decidedAt", notNullValue());
    }

    private String propose(String customerId, UUID runId, String current, String proposed) {
        return propose(customerId, runId, current, proposed, OffsetDateTime.now());
    }

    /** Stores one proposal in its own transaction, as a chunk does, and returns the id of the customer's pending one. */
    private String propose(String customerId, UUID runId, String current, String proposed, OffsetDateTime at) {
        NewLimitProposal proposal = new NewLimitProposal(customerId, runId, new BigDecimal(current), new BigDecimal(proposed),
                REASONS);
        QuarkusTransaction.requiringNew().run(() -> proposals.proposeAll(List.of(proposal), at));
        return QuarkusTransaction.requiringNew().call(() -> proposals.find("openKey", customerId).singleResult().id)
                .toString();
    }
}
