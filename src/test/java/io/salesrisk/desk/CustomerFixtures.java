package io.salesrisk.desk;

import io.salesrisk.testsupport.Api;
import io.salesrisk.testsupport.ProfileData;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.awaitility.Awaitility.await;

/** Customers for the desk's customer pages, made through the API (and the profile data helper for sales history). */
final class CustomerFixtures {

    static final String XSS_NAME = "<script>alert(1)</script>";

    private CustomerFixtures() {
    }

    /** A customer with the given master data, through the API; returns its id. */
    static String customer(String name, String riskClass, String segment, String region, String limit) {
        String id = uniqueId("C");
        String body = Api.customer(riskClass, segment, limit, 30).replace("Test Customer AG", json(name))
                .replace("\"DACH\"", "\"" + region + "\"");
        riskOfficer().body(body).put("/api/customers/" + id).then().statusCode(201);
        return id;
    }

    /** An invoice through the API. */
    static void invoice(String customerId, LocalDate issue, LocalDate due, String amount, String paid) {
        riskOfficer().body(Map.of("customerId", customerId, "issueDate", issue.toString(), "dueDate", due.toString(),
                "amount", amount, "paidAmount", paid)).put("/api/invoices/" + uniqueId("I")).then().statusCode(201);
    }

    /** Evaluates an order through the API; returns its outcome. */
    static String order(String orderId, String customerId, String amount) {
        return Api.sales().body(Api.order(orderId, customerId, amount, "EUR", 14, "0", true))
                .post("/api/orders/evaluate").then().statusCode(200).extract().path("outcome");
    }

    /**
     * A customer with history: two re-evaluation runs (a month apart) that take it from class B to E, cut its limit,
     * ask for prepayment, find a sales outlier (a HIGH signal, so an alert) and put a customer-level plan on it; open
     * invoices in several aging bands and two evaluated orders.
     */
    static String withHistory(DataSource dataSource, String name) {
        String id = uniqueId("CH");
        LocalDate today = LocalDate.now();
        ProfileData customer = ProfileData.customer(id).years(1).rating("CCC").sale(today, 1, "24050")
                .invoice(today.minusDays(130), today.minusDays(100), "9000", "0", null)
                .invoice(today.minusDays(50), today.minusDays(20), "12000", "2000", today.minusDays(25))
                .invoice(today.minusDays(80), today.minusDays(45), "7500", "0", null)
                .invoice(today.minusDays(10), today.plusDays(20), "18000", "0", null);
        for (int back = 2; back <= 12; back++) {
            customer.sale(today, back, "45000");
        }
        for (int back = 13; back <= 24; back++) {
            customer.sale(today, back, "55000");
        }
        customer.insert(dataSource);
        riskOfficer().body("""
                {"name": "%s", "segment": "SMB", "region": "DACH", "industry": "Manufacturing", "yearsInBusiness": 1,
                 "externalRating": "CCC", "riskClass": "B", "creditLimit": 100000, "paymentTermsDays": 30}
                """.formatted(json(name))).put("/api/customers/" + id).then().statusCode(200);
        order(id + "-SO1", id, "4000");
        reevaluate(id, today.minusMonths(1));
        reevaluate(id, today);
        order(id + "-SO2", id, "2500");
        return id;
    }

    static void reevaluate(String customerId, LocalDate asOf) {
        String location = riskOfficer().body(Map.of("customerIds", List.of(customerId), "asOf", asOf.toString()))
                .post("/api/reevaluations").then().statusCode(202).extract().header("Location");
        await("run " + location).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> riskOfficer().get(location).then().statusCode(200).extract().path("status"),
                        status -> "COMPLETED".equals(status) || "FAILED".equals(status));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
