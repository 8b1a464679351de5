package io.salesrisk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Every money and count field of every request and import at its boundaries: the largest accepted value is stored
 * exactly, one step beyond is a 422 naming the field or line (the refusals of the whole catalogue are in
 * {@link HostileRequestsTest}). Amounts: at most 999,999,999,999,999.99 with the currency's decimals (two, none for
 * yen); percentages at most 100 with three decimals; market indices at most 9,999,999,999.9999.
 */
@QuarkusTest
class MoneyBoundariesTest {

    private static final String MAX = "999999999999999.99";
    private static final String ABOVE_MAX = "1000000000000000.00";

    private static RequestSpecification csv(String body) {
        return riskOfficer().contentType("text/csv").body(body);
    }

    private static String customer(String limit, int years, int terms) {
        return """
                {"name": "Edge AG", "segment": "ENTERPRISE", "region": "DACH", "industry": "Retail", "yearsInBusiness": %d,
                 "externalRating": "A", "riskClass": "A", "creditLimit": %s, "paymentTermsDays": %d}
                """.formatted(years, limit, terms);
    }

    @Test
    void shouldStoreTheLargestCreditLimitExactlyAndRefuseOneCentMore() {
        String id = uniqueId("C");
        riskOfficer().body(customer(MAX, 500, 365)).put("/api/customers/" + id).then().statusCode(201);
        riskOfficer().get("/api/customers/" + id).then().statusCode(200)
                .body(containsString("\"creditLimit\":" + MAX))
                .body("yearsInBusiness", equalTo(500)).body("paymentTermsDays", equalTo(365));
        riskOfficer().body(customer("0", 0, 0)).put("/api/customers/" + id).then().statusCode(200);

        riskOfficer().body(customer(ABOVE_MAX, 5, 30)).put("/api/customers/" + id).then().statusCode(422)
                .body("errors.field", hasItem("creditLimit"));
        riskOfficer().body(customer("0.001", 5, 30)).put("/api/customers/" + id).then().statusCode(422)
                .body("errors.find { it.field == 'creditLimit' }.message", containsString("2 decimals"));
        riskOfficer().body(customer("1000", 501, 366)).put("/api/customers/" + id).then().statusCode(422)
                .body("errors.field", hasItem("yearsInBusiness")).body("errors.field", hasItem("paymentTermsDays"));
    }

    @Test
    void shouldEvaluateTheLargestOrderInEachCurrencyKindAndRefuseMoreDecimalsThanTheCurrencyHas() {
        String customer = createCustomer("A", "ENTERPRISE", MAX, 60);
        riskOfficer().body(order(uniqueId("SO"), customer, "999999999999.99", "EUR", 365, "100", true))
                .post("/api/orders/evaluate").then().statusCode(200);
        riskOfficer().body(order(uniqueId("SO"), customer, "999999999999999", "JPY", 0, "99.999", true))
                .post("/api/orders/evaluate").then().statusCode(200);
        riskOfficer().body(order(uniqueId("SO"), customer, MAX, "EUR", 30, "0", true))
                .post("/api/orders/evaluate").then().statusCode(200);

        riskOfficer().body(order(uniqueId("SO"), customer, ABOVE_MAX, "EUR", 30, "0", true))
                .post("/api/orders/evaluate").then().statusCode(422).body("errors.field", hasItem("amount"));
        riskOfficer().body(order(uniqueId("SO"), customer, "10.001", "EUR", 30, "0", true))
                .post("/api/orders/evaluate").then().statusCode(422)
                .body("errors.find { it.field == 'amount' }.message", containsString("EUR amounts have at most 2"));
        riskOfficer().body(order(uniqueId("SO"), customer, "10.5", "JPY", 30, "0", true))
                .post("/api/orders/evaluate").then().statusCode(422)
                .body("errors.find { it.field == 'amount' }.message", containsString("JPY amounts have at most 0"));
        riskOfficer().body(order(uniqueId("SO"), customer, "100", "EUR", 30, "100.001", true))
                .post("/api/orders/evaluate").then().statusCode(422).body("errors.field", hasItem("discountPercent"));
    }

    @Test
    void shouldStoreTheLargestInvoiceAmountsAndRefuseMore() {
        String customer = createCustomer("A", "ENTERPRISE", "1000", 60);
        String invoice = """
                {"customerId": "%s", "issueDate": "2026-10-01", "dueDate": "2026-10-31", "amount": %s,
                 "paidAmount": %s, "paidDate": %s}
                """;
        riskOfficer().body(invoice.formatted(customer, MAX, MAX, "\"2026-10-15\"")).put("/api/invoices/" + uniqueId("I"))
                .then().statusCode(201);
        riskOfficer().body(invoice.formatted(customer, "0.01", "null", "null")).put("/api/invoices/" + uniqueId("I"))
                .then().statusCode(201);
        riskOfficer().body(invoice.formatted(customer, ABOVE_MAX, "null", "null")).put("/api/invoices/" + uniqueId("I"))
                .then().statusCode(422).body("errors.field", hasItem("amount"));
        riskOfficer().body(invoice.formatted(customer, "100.005", "null", "null")).put("/api/invoices/" + uniqueId("I"))
                .then().statusCode(422).body("errors.field", hasItem("amount"));
    }

    @Test
    void shouldImportTheLargestAmountsOfEveryFileAndRefuseMoreNamingTheLine() {
        String a = uniqueId("C");
        String header = "id,name,segment,region,industry,years_in_business,external_rating,risk_class,credit_limit,payment_terms_days\n";
        csv(header + a + ",Edge AG,SMB,DACH,Retail,500,BBB,C," + MAX + ",365\n").post("/api/import/customers").then().statusCode(200);
        riskOfficer().get("/api/customers/" + a).then().body(containsString("\"creditLimit\":" + MAX));
        csv(header + a + ",Edge AG,SMB,DACH,Retail,5,BBB,C," + ABOVE_MAX + ",30\n").post("/api/import/customers").then()
                .statusCode(422).body("errors[0].field", equalTo("credit_limit")).body("errors[0].line", equalTo(2));

        csv("id,customer_id,order_id,issue_date,due_date,amount,paid_amount,paid_date\n"
                + uniqueId("I") + "," + a + ",,2026-10-01,2026-10-31," + MAX + "," + MAX + ",2026-10-10\n")
                .post("/api/import/invoices").then().statusCode(200);
        csv("id,customer_id,order_id,issue_date,due_date,amount,paid_amount,paid_date\n"
                + uniqueId("I") + "," + a + ",,2026-10-01,2026-10-31,0.001,,\n")
                .post("/api/import/invoices").then().statusCode(422).body("errors[0].field", equalTo("amount"));

        csv("id,customer_id,amount,currency,order_date,payment_terms_days,discount_percent\n"
                + uniqueId("SO") + "," + a + "," + MAX + ",EUR,2026-10-01,365,100\n"
                + uniqueId("SO") + "," + a + ",999999999999999,JPY,2026-10-01,0,99.999\n")
                .post("/api/import/orders").then().statusCode(200).body("rows", equalTo(2));
        csv("id,customer_id,amount,currency,order_date\n" + uniqueId("SO") + "," + a + ",100.25,JPY,2026-10-01\n")
                .post("/api/import/orders").then().statusCode(422).body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", containsString("JPY"));

        csv("customer_id,month,amount\n" + a + ",2026-10," + MAX + "\n").post("/api/import/sales-history").then().statusCode(200);
        csv("customer_id,month,amount\n" + a + ",2026-10," + ABOVE_MAX + "\n").post("/api/import/sales-history").then()
                .statusCode(422).body("errors[0].line", equalTo(2));

        csv("industry,month,index\nEdge,2026-10,9999999999.9999\n").post("/api/import/market-index").then().statusCode(200);
        csv("industry,month,index\nEdge,2026-10,10000000000\n").post("/api/import/market-index").then()
                .statusCode(422).body("errors[0].field", equalTo("index"));
    }

    @Test
    void shouldAcceptTheLargestListSizesAndRefuseOneMore() {
        String active = io.salesrisk.testsupport.Api.activeVersion();
        riskOfficer().body("{\"from\": \"2026-01-01\", \"to\": \"2026-01-01\", \"limit\": 10000}")
                .post("/api/rulesets/" + active + "/simulate").then().statusCode(200);
        riskOfficer().body("{\"from\": \"2026-01-01\", \"to\": \"2026-01-01\", \"limit\": 10001}")
                .post("/api/rulesets/" + active + "/simulate").then().statusCode(422).body("errors.field", hasItem("limit"));
        riskOfficer().get("/api/reevaluations?limit=200").then().statusCode(200);
        riskOfficer().get("/api/reevaluations?limit=201").then().statusCode(422);
        riskOfficer().get("/api/reevaluations?limit=1").then().statusCode(200);
    }
}
