package io.salesrisk.desk;

import io.quarkus.test.junit.QuarkusTest;
import io.salesrisk.testsupport.DeskClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.customer;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worklist and order pages over HTTP: rows, counts, hints, explanation, actions with four-eyes, roles, escaping. */
@QuarkusTest
class DeskWorklistPageTest {

    /** A class-A customer with a limit of 1,000,000 and an order {@code over} above it: BLOCK, held. */
    static String heldOrder(String customerId, String over) {
        String orderId = uniqueId("SO");
        String amount = new BigDecimal("1000000").add(new BigDecimal(over)).toPlainString();
        sales().body(order(orderId, customerId, amount, "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200).body("outcome", equalTo("BLOCK"));
        return orderId;
    }

    @Test
    void theWorklistShowsTheHeldOrderWithItsRuleHintAndCounts() {
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 60);
        String orderId = heldOrder(customer, "20000");
        Document page = DeskClient.riskOfficer().page("/desk/worklist?customerId=" + customer);
        Element row = page.selectFirst("tr[data-order=" + orderId + "]");
        assertNotNull(row, "the held order is listed");
        assertTrue(row.text().contains("BLOCK"));
        assertTrue(row.text().contains("1,020,000.00"), row.text());
        assertTrue(row.text().contains("CreditLimitExceeded[A]"), row.text());
        assertTrue(row.text().contains("approves at or below 500,000.00"), row.text());
        assertTrue(page.selectFirst("h1").text().contains("1 open hold"), page.selectFirst("h1").text());
        assertFalse(page.select("form#bulk button[value=release]").isEmpty(), "officers get the actions");
        assertEquals("ascending", page.selectFirst("th a[aria-sort]").attr("aria-sort"));
    }

    @Test
    void aReleaseBeyondTheOfficersAuthorityWaitsForASecondOfficerAndTheOrderPageSaysSo() {
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 60);
        String orderId = heldOrder(customer, "50000.01");
        DeskClient risk = DeskClient.riskOfficer();
        var answer = risk.post("/desk/orders/" + orderId + "/actions", Map.of("action", "release",
                "releaseReason", "STRATEGIC_CUSTOMER", "comment", "long-standing"));
        assertEquals(303, answer.statusCode());
        Document afterFirst = risk.page(answer.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("pending", afterFirst.selectFirst(".msg[data-kind]").attr("data-kind"));
        assertTrue(afterFirst.selectFirst("#four-eyes-pending").text().contains("risk"));
        assertTrue(afterFirst.selectFirst("#four-eyes-pending").text().contains("cannot give the second approval yourself"));

        // the same officer again: refused, and the page says why
        var again = risk.post("/desk/orders/" + orderId + "/actions", Map.of("action", "release",
                "releaseReason", "STRATEGIC_CUSTOMER"));
        Document refused = risk.page(again.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("refused", refused.selectFirst(".msg[data-kind]").attr("data-kind"));
        assertTrue(refused.selectFirst(".msg[data-kind]").text().contains("the second must come from another officer"));

        DeskClient risk2 = DeskClient.signIn("risk2", "risk123");
        var second = risk2.post("/desk/orders/" + orderId + "/actions", Map.of("action", "release",
                "releaseReason", "STRATEGIC_CUSTOMER"));
        Document released = risk2.page(second.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("done", released.selectFirst(".msg[data-kind]").attr("data-kind"));
        assertEquals("RELEASED", released.selectFirst("#order-status").text());
        assertTrue(released.select("#hold").isEmpty(), "no open hold any more");
        assertTrue(released.selectFirst("#history").text().contains("RELEASE_FIRST_APPROVAL"));
    }

    @Test
    void theOrderPageExplainsTheDecisionWithTheMatchedRowAndTheValuesAgainstItsThresholds() {
        String customer = createCustomer("B", "SMB", "100000", 30);
        String orderId = uniqueId("SO");
        sales().body(order(orderId, customer, "141500", "EUR", 30, "0", true)).post("/api/orders/evaluate")
                .then().statusCode(200).body("outcome", equalTo("BLOCK"));
        Document page = DeskClient.auditor().page("/desk/orders/" + orderId);
        assertFalse(page.select("#explanation tr.matched").isEmpty(), "the rows that decided are highlighted");
        assertTrue(page.selectFirst("#explanation").text().contains("141,500") || page.selectFirst("#explanation").text().contains("141500"),
                page.selectFirst("#explanation").text());
        assertTrue(page.selectFirst("#approves-with").text().contains("approves at or below 100,000.00"));
        assertTrue(page.select("#hold-actions").isEmpty(), "auditors see no actions");
        Element link = page.selectFirst("#explanation tr.matched a[href^=/desk/rulesets/]");
        assertNotNull(link, "the matched row links to its workbook");
    }

    @Test
    void bulkActionsReportEachOrderAndTheSelectionIsActedOnItemByItem() {
        String customer = createCustomer("A", "ENTERPRISE", "1000000", 60);
        String within = heldOrder(customer, "1000");
        String beyond = heldOrder(customer, "50000.01");
        DeskClient risk = DeskClient.riskOfficer();
        var answer = risk.post("/desk/worklist/actions", Map.of("orderId", java.util.List.of(within, beyond),
                "action", "release", "releaseReason", "CUSTOMER_PAID", "back", "customerId=" + customer));
        assertEquals(303, answer.statusCode(), answer.body().asString());
        Document page = risk.page(answer.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals(2, page.select(".msg[data-kind]").size());
        assertTrue(page.select(".msg[data-kind=done]").text().contains(within));
        assertTrue(page.select(".msg[data-kind=pending]").text().contains(beyond));
        Element row = page.selectFirst("tr[data-order=" + beyond + "]");
        assertTrue(row.text().contains("pending 2nd approval"), row.text());
        assertTrue(page.select("tr[data-order=" + within + "]").isEmpty(), "the released order left the worklist");
    }

    @Test
    void rolesAndEscaping() {
        String customer = uniqueId("C");
        riskOfficer().body(customer("A", "ENTERPRISE", "1000000", 60).replace("Test Customer AG", "<script>alert(1)</script>"))
                .put("/api/customers/" + customer).then().statusCode(201);
        String orderId = heldOrder(customer, "1000");
        Document page = DeskClient.auditor().page("/desk/worklist?customerId=" + customer);
        Element row = page.selectFirst("tr[data-order=" + orderId + "]");
        assertTrue(row.text().contains("<script>alert(1)</script>"), "the name shows as text");
        assertTrue(row.select("script").isEmpty(), "and is no script element");
        assertTrue(page.select("form#bulk button[value=release]").isEmpty(), "auditors see no actions");
        assertEquals(403, DeskClient.sales().get("/desk/worklist").statusCode());
        assertEquals(200, DeskClient.sales().get("/desk/orders/" + orderId).statusCode(), "sales read their orders");
        assertEquals(403, DeskClient.auditor().post("/desk/orders/" + orderId + "/actions", Map.of("action", "recheck")).statusCode());
        assertEquals(404, DeskClient.auditor().get("/desk/orders/NO-SUCH-ORDER").statusCode());
    }
}
