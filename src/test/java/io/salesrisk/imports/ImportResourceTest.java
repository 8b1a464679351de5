package io.salesrisk.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.salesrisk.testsupport.Api.riskOfficer;
import static io.salesrisk.testsupport.Api.sales;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ImportResourceTest {

    private static RequestSpecification csv(String body) {
        return riskOfficer().contentType("text/csv").body(body);
    }

    private static String customersCsv(String a, String b) {
        return """
                id,name,segment,region,industry,years_in_business,external_rating,risk_class,credit_limit,payment_terms_days
                %s,Alpen Foods GmbH,SMB,DACH,Food & Beverage,12,BBB,B,150000,30
                %s,"Crest Systems, Inc.",ENTERPRISE,North America,Electronics,40,A,A,2000000,60
                """.formatted(a, b);
    }

    @Test
    void shouldImportCustomersAndUpdateThemOnReimport() {
        String a = uniqueId("C");
        String b = uniqueId("C");
        csv(customersCsv(a, b)).post("/api/import/customers").then().statusCode(200)
                .body("kind", equalTo("customers")).body("rows", equalTo(2))
                .body("created", equalTo(2)).body("updated", equalTo(0));

        csv(customersCsv(a, b).replace("150000", "175000")).post("/api/import/customers").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(2));

        riskOfficer().get("/api/customers/" + a).then().body("creditLimit", equalTo(175000.00f));
        riskOfficer().get("/api/customers/" + b).then().body("name", equalTo("Crest Systems, Inc."));
    }

    @Test
    void shouldListEveryBadLineAndColumnAndWriteNothing() {
        String good = uniqueId("C");
        String bad = uniqueId("C");
        String file = """
                id,name,segment,region,industry,years_in_business,external_rating,risk_class,credit_limit,payment_terms_days
                %s,Good Line AG,SMB,DACH,Retail,5,,A,1000,30
                %s,Bad Line AG,GIANT,DACH,Retail,five,ZZZ,A,-1,30
                ,No Id AG,SMB,DACH,Retail,5,,Q,1000,400
                %s,Repeated AG,SMB,DACH,Retail,5,,A,1000,30
                """.formatted(good, bad, good);

        csv(file).post("/api/import/customers").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("customers.csv has 8 error(s); nothing was imported"))
                .body("errors.findAll { it.line == 3 }.field", hasItems("segment", "years_in_business", "external_rating", "credit_limit"))
                .body("errors.findAll { it.line == 4 }.field", hasItems("id", "risk_class", "payment_terms_days"))
                .body("errors.find { it.line == 5 }.message", containsString("repeats line 2"))
                .body("errors.find { it.field == 'years_in_business' }.value", equalTo("five"));

        riskOfficer().get("/api/customers/" + good).then().statusCode(404);
    }

    @Test
    void shouldRejectUnknownAndMissingColumns() {
        csv("""
                id,name,segmnt,region,industry,years_in_business,risk_class,credit_limit
                X1,A,SMB,DACH,Retail,5,A,1000
                """).post("/api/import/customers").then().statusCode(422)
                .body("errors.findAll { it.line == 1 }.field", hasItems("segmnt", "segment", "payment_terms_days"))
                .body("errors.find { it.field == 'segmnt' }.message", containsString("unknown column 'segmnt'"));
    }

    @Test
    void shouldRejectAnEmptyFile() {
        csv("").post("/api/import/customers").then().statusCode(422)
                .body("errors[0].message", containsString("the file is empty"));
    }

    @Test
    void shouldRequireKnownCustomersForInvoicesAndWriteNothing() {
        String customer = uniqueId("C");
        csv(customersCsv(customer, uniqueId("C"))).post("/api/import/customers").then().statusCode(200);
        LocalDate today = LocalDate.now();
        String file = """
                id,customer_id,order_id,issue_date,due_date,amount,paid_amount,paid_date
                %s,%s,,%s,%s,12000,0,
                %s,GHOST,,%s,%s,500,0,
                %s,%s,,2026-13-01,%s,500,600,
                """.formatted(uniqueId("I"), customer, today.minusDays(40), today.minusDays(10),
                uniqueId("I"), today, today.plusDays(30), uniqueId("I"), customer, today);

        csv(file).post("/api/import/invoices").then().statusCode(422)
                .body("errors.find { it.line == 3 }.message", equalTo("customer_id GHOST does not exist; import customers first"))
                .body("errors.findAll { it.line == 4 }.field", hasItems("issue_date", "paid_amount"));

        riskOfficer().get("/api/customers/" + customer).then().body("exposure.openReceivables", equalTo(0.00f));

        csv(file.lines().limit(2).reduce("", (x, y) -> x + y + "\n")).post("/api/import/invoices").then().statusCode(200)
                .body("created", equalTo(1));
        riskOfficer().get("/api/customers/" + customer).then()
                .body("exposure.overdueAmount", equalTo(12000.00f))
                .body("exposure.oldestOverdueDays", equalTo(10));
    }

    @Test
    void shouldImportApprovedOrdersIntoTheExposure() {
        String customer = uniqueId("C");
        csv(customersCsv(customer, uniqueId("C"))).post("/api/import/customers").then().statusCode(200);
        LocalDate today = LocalDate.now();
        csv("""
                id,customer_id,amount,currency,order_date,payment_terms_days,discount_percent,contract_signed,sales_rep,requested_delivery_date,status
                %s,%s,10000,USD,%s,30,5,true,rep-01,%s,APPROVED
                %s,%s,5000,EUR,%s,30,0,yes,rep-01,%s,
                %s,%s,7000,EUR,%s,30,0,no,rep-01,%s,APPROVED
                """.formatted(uniqueId("SO"), customer, today, today.plusDays(20), uniqueId("SO"), customer, today,
                today.plusDays(30), uniqueId("SO"), customer, today, today.plusDays(200)))
                .post("/api/import/orders").then().statusCode(200).body("created", equalTo(3));

        // the third order delivers beyond the 90-day horizon
        riskOfficer().get("/api/customers/" + customer).then().body("exposure.openOrders", equalTo(14200.00f));
    }

    @Test
    void shouldImportSalesHistoryAndRejectBadMonths() {
        String customer = uniqueId("C");
        csv(customersCsv(customer, uniqueId("C"))).post("/api/import/customers").then().statusCode(200);

        csv("""
                customer_id,month,amount
                %s,2026-01,1000
                %s,2026/02,1000
                %s,2026-01,900
                """.formatted(customer, customer, customer)).post("/api/import/sales-history").then().statusCode(422)
                .body("errors", hasSize(2))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].message", containsString("expected YYYY-MM"))
                .body("errors[1].message", containsString("repeats line 2"));

        csv("""
                customer_id,month,amount
                %s,2026-01,1000
                %s,2026-02,1100.50
                """.formatted(customer, customer)).post("/api/import/sales-history").then().statusCode(200)
                .body("created", equalTo(2));
    }

    @Test
    void shouldAnswer404ForAnUnknownKindAnd403ForSales() {
        csv("a\n1\n").post("/api/import/planets").then().statusCode(404)
                .body("detail", containsString("customers, invoices, market-index, orders, sales-history, targets"));
        sales().contentType("text/csv").body("a\n").post("/api/import/customers").then().statusCode(403);
    }

    @Test
    void shouldImportAMarketIndexAndRejectABadValueWithItsLine() {
        String industry = uniqueId("Shipbuilding");
        csv("""
                industry,month,index
                %1$s,2025-05,100
                %1$s,2026-05,87.5
                """.formatted(industry)).post("/api/import/market-index").then().statusCode(200)
                .body("kind", equalTo("market-index")).body("created", equalTo(2));
        csv("""
                industry,month,index
                %1$s,2026-05,88
                """.formatted(industry)).post("/api/import/market-index").then().statusCode(200)
                .body("updated", equalTo(1));

        csv("""
                industry,month,index
                %1$s,2026-13,90
                %1$s,2026-04,-3
                """.formatted(industry)).post("/api/import/market-index").then().statusCode(422)
                .body("errors.find { it.line == 2 }.field", equalTo("month"))
                .body("errors.find { it.line == 3 }.field", equalTo("index"));
    }
}
