package io.salesrisk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.salesrisk.testsupport.ShippedTables;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.salesrisk.testsupport.Api.activeVersion;
import static io.salesrisk.testsupport.Api.createCustomer;
import static io.salesrisk.testsupport.Api.order;
import static io.salesrisk.testsupport.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A black-box catalogue of hostile requests against every endpoint: malformed, out of range, wrong types, wrong
 * content types, oversize, unauthenticated, wrong role, hostile files. Each must be answered with a problem document
 * (4xx, naming the field, line or cell where there is one), the service must stay up, and nothing may be written
 * (row counts of every table before and after; a broken rule file may only add a REJECTED version). Add the new
 * endpoint's hostile requests here when an endpoint lands.
 */
@QuarkusTest
class HostileRequestsTest {

    /** Rule-set versions are recorded even when rejected: that record is the audit trail, not a half-write. */
    private static final List<String> RULE_SET_TABLES = List.of("rule_sets", "rule_set_files", "rule_set_events");

    @Inject
    DataSource dataSource;

    private String customer;
    private String subscription;

    /** One hostile request: what it is, how it is sent, the status it must get and what the problem must name. */
    record Hostile(String name, Supplier<Answer> send, int status, List<String> mentions) {
    }

    /** What came back: status, content type, body and the authentication challenge, however it was sent. */
    record Answer(int status, String contentType, String body, String challenge) {
        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.getContentType() == null ? "" : response.getContentType(),
                    response.asString(), response.getHeader("WWW-Authenticate"));
        }
    }

    private final List<Hostile> catalogue = new ArrayList<>();

    private void add(String name, int status, Supplier<Response> send, String... mentions) {
        catalogue.add(new Hostile(name, () -> Answer.of(send.get()), status, List.of(mentions)));
    }

    private void addRaw(String name, int status, Supplier<Answer> send, String... mentions) {
        catalogue.add(new Hostile(name, send, status, List.of(mentions)));
    }

    /**
     * A request announcing a body larger than the service accepts, sent the way careful clients do (Expect:
     * 100-continue): the service answers before the body is sent, so no client sees a broken pipe.
     */
    private static Answer oversizedPost(String path, String contentType, long length) {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String credentials = java.util.Base64.getEncoder().encodeToString("risk:risk123".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            String type = "";
            int bodyLength = 0;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = header.substring(13).trim();
                } else if (lower.startsWith("content-length:")) {
                    bodyLength = Integer.parseInt(header.substring(15).trim());
                }
            }
            char[] body = new char[bodyLength];
            int read = 0;
            while (read < bodyLength) {
                int n = in.read(body, read, bodyLength - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return new Answer(status, type, new String(body, 0, read), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    private static RequestSpecification as(String user, String password) {
        return RestAssured.given().auth().preemptive().basic(user, password);
    }

    private static RequestSpecification risk() {
        return as("risk", "risk123");
    }

    private static RequestSpecification json(RequestSpecification spec, String body) {
        return spec.contentType("application/json").body(body);
    }

    /** An order of the catalogue's customer over its limit: held (BLOCK), entered by risk. */
    private String heldOrder() {
        String id = uniqueId("SO-HELD");
        json(risk(), order(id, customer, "150000", "EUR", 30, "0", true)).post("/api/orders/evaluate").then()
                .statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("BLOCK"));
        return id;
    }

    /** An approved order of the catalogue's customer. */
    private String approvedOrder() {
        String id = uniqueId("SO-OK");
        json(risk(), order(id, customer, "100", "EUR", 30, "0", true)).post("/api/orders/evaluate").then()
                .statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("APPROVE"));
        return id;
    }

    private String validOrder() {
        return order(uniqueId("SO"), customer, "1000", "EUR", 30, "0", true);
    }

    private static String orderWith(String field, String value, String customer) {
        String body = order("SO-HOSTILE", customer, "1000", "EUR", 30, "0", true);
        return body.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + value);
    }

    private static String customerBody(String field, String value) {
        String body = """
                {"name": "Hostile AG", "segment": "SMB", "region": "DACH", "industry": "Retail", "yearsInBusiness": 3,
                 "externalRating": "BBB", "riskClass": "C", "creditLimit": 1000, "paymentTermsDays": 30}
                """;
        return field == null ? body : body.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + value);
    }

    private String invoiceBody(String field, String value) {
        String body = """
                {"customerId": "%s", "orderId": null, "issueDate": "2026-10-01", "dueDate": "2026-10-31",
                 "amount": 500, "paidAmount": null, "paidDate": null}
                """.formatted(customer);
        return body.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + value);
    }

    private static String csv(String header, String... lines) {
        return header + "\n" + String.join("\n", lines) + "\n";
    }

    private static Response importCsv(String kind, String body) {
        return risk().contentType("text/csv").body(body).post("/api/import/" + kind);
    }

    private static Response uploadFile(String name, byte[] content) {
        return risk().contentType("multipart/form-data").multiPart("file", name, content).post("/api/rulesets");
    }

    private static String drl(String consequence) {
        return """
                package io.salesrisk.rules;
                import io.salesrisk.facts.*;
                rule "Hostile"
                when
                    check: OrderCheck()
                then
                """ + consequence + "\nend\n";
    }

    private static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** An .xlsx whose sheet inflates a thousandfold: a zip bomb inside a workbook. */
    private static byte[] workbookBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 30; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private void buildCatalogue() throws Exception {
        customer = createCustomer("C", "SMB", "100000", 30);
        String tooLong = "x".repeat(65);
        String unknownId = UUID.randomUUID().toString();

        // who may call
        add("evaluate without credentials", 401, () -> json(anonymous(), validOrder()).post("/api/orders/evaluate"));
        add("evaluate with a wrong password", 401, () -> json(as("sales", "wrong"), validOrder()).post("/api/orders/evaluate"));
        add("evaluate as an unknown user", 401, () -> json(as("mallory", "x"), validOrder()).post("/api/orders/evaluate"));
        add("evaluate as an auditor", 403, () -> json(as("auditor", "audit123"), validOrder()).post("/api/orders/evaluate"));
        add("change a customer as sales", 403, () -> json(as("sales", "sales123"), customerBody(null, null)).put("/api/customers/C-HOSTILE"));
        add("import as an auditor", 403, () -> as("auditor", "audit123").contentType("text/csv").body("id\n").post("/api/import/customers"));
        add("upload rules as sales", 403, () -> as("sales", "sales123").contentType("multipart/form-data")
                .multiPart("file", "x.drl", drl("").getBytes(StandardCharsets.UTF_8)).post("/api/rulesets"));
        add("read decisions as sales", 403, () -> as("sales", "sales123").get("/api/decisions/" + unknownId));
        add("activate a rule set as an auditor", 403, () -> as("auditor", "audit123").post("/api/rulesets/" + activeVersion() + "/activate"));
        add("start a re-evaluation as sales", 403, () -> json(as("sales", "sales123"), "{}").post("/api/reevaluations"));
        add("approve a limit proposal as an auditor", 403, () -> as("auditor", "audit123").post("/api/limit-proposals/" + unknownId + "/approve"));
        add("close an alert without credentials", 401, () -> anonymous().post("/api/alerts/" + unknownId + "/close"));
        add("end a plan as sales", 403, () -> as("sales", "sales123").post("/api/contingency-plans/" + unknownId + "/end"));
        add("read rule sets without credentials", 401, () -> anonymous().get("/api/rulesets"));

        // malformed and wrong types
        add("evaluate with broken JSON", 400, () -> json(risk(), "{\"orderId\": ").post("/api/orders/evaluate"), "not valid JSON");
        add("evaluate with a JSON array", 400, () -> json(risk(), "[1, 2]").post("/api/orders/evaluate"));
        add("evaluate with an empty body", 422, () -> json(risk(), "").post("/api/orders/evaluate"));
        add("evaluate with no fields", 422, () -> json(risk(), "{}").post("/api/orders/evaluate"), "orderId", "customerId", "amount");
        add("evaluate with a text amount", 400, () -> json(risk(), orderWith("amount", "\"lots\"", customer)).post("/api/orders/evaluate"), "amount");
        add("evaluate with an impossible date", 400, () -> json(risk(), orderWith("orderDate", "\"2026-13-45\"", customer)).post("/api/orders/evaluate"), "orderDate");
        add("evaluate with an unknown field", 400, () -> json(risk(), validOrder().replaceFirst("\\{", "{\"isAdmin\": true, ")).post("/api/orders/evaluate"), "isAdmin");
        add("evaluate with a number as terms text", 400, () -> json(risk(), orderWith("paymentTermsDays", "\"thirty\"", customer)).post("/api/orders/evaluate"), "paymentTermsDays");
        add("customer with text years", 400, () -> json(risk(), customerBody("yearsInBusiness", "\"ten\"")).put("/api/customers/C-HOSTILE"), "yearsInBusiness");
        add("invoice with a text date", 400, () -> json(risk(), invoiceBody("issueDate", "\"yesterday\"")).put("/api/invoices/I-HOSTILE"), "issueDate");
        add("simulation without dates", 422, () -> json(risk(), "{}").post("/api/rulesets/" + activeVersion() + "/simulate"), "from", "to");
        add("a customer id with spaces", 422, () -> json(risk(), customerBody(null, null)).put("/api/customers/a b"));
        add("an alert id that is not a UUID", 404, () -> risk().get("/api/alerts/not-a-uuid"));
        add("a re-evaluation list with a text limit", 404, () -> risk().get("/api/reevaluations?limit=many"));

        // out of range: money, counts, lengths
        add("evaluate 1e17 EUR", 422, () -> json(risk(), orderWith("amount", "1E17", customer)).post("/api/orders/evaluate"), "amount", "999999999999999.99");
        add("evaluate one above the largest amount", 422, () -> json(risk(), orderWith("amount", "1000000000000000.00", customer)).post("/api/orders/evaluate"), "amount");
        add("evaluate an amount with 20 decimals", 422, () -> json(risk(), orderWith("amount", "1.00000000000000000001", customer)).post("/api/orders/evaluate"), "amount", "decimals");
        add("evaluate 12.5 JPY", 422, () -> json(risk(), orderWith("amount", "12.5", customer).replace("\"EUR\"", "\"JPY\"")).post("/api/orders/evaluate"), "amount", "JPY");
        add("evaluate a huge amount in a currency worth more than the base", 422, () -> json(risk(), orderWith("amount", "999999999999999.99", customer).replace("\"EUR\"", "\"GBP\"")).post("/api/orders/evaluate"), "amount");
        add("evaluate a negative amount", 422, () -> json(risk(), orderWith("amount", "-5", customer)).post("/api/orders/evaluate"), "amount");
        add("evaluate a zero amount", 422, () -> json(risk(), orderWith("amount", "0", customer)).post("/api/orders/evaluate"), "amount");
        add("evaluate 366 days of terms", 422, () -> json(risk(), orderWith("paymentTermsDays", "366", customer)).post("/api/orders/evaluate"), "paymentTermsDays");
        add("evaluate negative terms", 422, () -> json(risk(), orderWith("paymentTermsDays", "-1", customer)).post("/api/orders/evaluate"), "paymentTermsDays");
        add("evaluate terms beyond int", 400, () -> json(risk(), orderWith("paymentTermsDays", "99999999999", customer)).post("/api/orders/evaluate"), "paymentTermsDays");
        add("evaluate a discount above 100", 422, () -> json(risk(), orderWith("discountPercent", "100.001", customer)).post("/api/orders/evaluate"), "discountPercent");
        add("evaluate a discount with 4 decimals", 422, () -> json(risk(), orderWith("discountPercent", "1.0001", customer)).post("/api/orders/evaluate"), "discountPercent");
        add("evaluate an unknown currency", 422, () -> json(risk(), orderWith("currency", "\"XXX\"", customer)).post("/api/orders/evaluate"), "currency");
        add("evaluate a 65-character order id", 422, () -> json(risk(), orderWith("orderId", "\"" + tooLong + "\"", customer)).post("/api/orders/evaluate"), "orderId");
        add("evaluate a 65-character customer id", 422, () -> json(risk(), orderWith("customerId", "\"" + tooLong + "\"", customer)).post("/api/orders/evaluate"), "customerId");
        add("evaluate for a customer that does not exist", 404, () -> json(risk(), orderWith("customerId", "\"C-NOBODY\"", customer)).post("/api/orders/evaluate"), "customerId");
        add("credit limit 1e17", 422, () -> json(risk(), customerBody("creditLimit", "1E17")).put("/api/customers/C-HOSTILE"), "creditLimit");
        add("credit limit with 3 decimals", 422, () -> json(risk(), customerBody("creditLimit", "1000.001")).put("/api/customers/C-HOSTILE"), "creditLimit");
        add("negative credit limit", 422, () -> json(risk(), customerBody("creditLimit", "-1")).put("/api/customers/C-HOSTILE"), "creditLimit");
        add("501 years in business", 422, () -> json(risk(), customerBody("yearsInBusiness", "501")).put("/api/customers/C-HOSTILE"), "yearsInBusiness");
        add("customer terms of 366 days", 422, () -> json(risk(), customerBody("paymentTermsDays", "366")).put("/api/customers/C-HOSTILE"), "paymentTermsDays");
        add("an unknown segment", 422, () -> json(risk(), customerBody("segment", "\"GIANT\"")).put("/api/customers/C-HOSTILE"), "segment");
        add("an unknown risk class", 422, () -> json(risk(), customerBody("riskClass", "\"Z\"")).put("/api/customers/C-HOSTILE"), "riskClass");
        add("a 201-character name", 422, () -> json(risk(), customerBody("name", "\"" + "n".repeat(201) + "\"")).put("/api/customers/C-HOSTILE"), "name");
        add("invoice amount 1e17", 422, () -> json(risk(), invoiceBody("amount", "1E17")).put("/api/invoices/I-HOSTILE"), "amount");
        add("invoice amount zero", 422, () -> json(risk(), invoiceBody("amount", "0")).put("/api/invoices/I-HOSTILE"), "amount");
        add("paid amount with 3 decimals", 422, () -> json(risk(), invoiceBody("paidAmount", "1.001")).put("/api/invoices/I-HOSTILE"), "paidAmount");
        add("paid amount above the invoice", 422, () -> json(risk(), invoiceBody("paidAmount", "600").replace("\"paidDate\": null", "\"paidDate\": \"2026-10-20\"")).put("/api/invoices/I-HOSTILE"), "paidAmount");
        add("invoice of an unknown customer", 404, () -> json(risk(), invoiceBody("customerId", "\"C-NOBODY\"")).put("/api/invoices/I-HOSTILE"), "customerId");
        add("invoice with a 65-character order id", 422, () -> json(risk(), invoiceBody("orderId", "\"" + tooLong + "\"")).put("/api/invoices/I-HOSTILE"), "orderId");
        add("simulation listing 10,001 decisions", 422, () -> json(risk(), "{\"from\": \"2026-01-01\", \"to\": \"2026-01-02\", \"limit\": 10001}").post("/api/rulesets/" + activeVersion() + "/simulate"), "limit");
        add("a re-evaluation list of 0", 422, () -> risk().get("/api/reevaluations?limit=0"), "limit");
        add("a re-evaluation of a 65-character customer id", 422, () -> json(risk(), "{\"customerIds\": [\"" + tooLong + "\"]}").post("/api/reevaluations"), "customerIds");
        add("a re-evaluation of a 41-character segment", 422, () -> json(risk(), "{\"segment\": \"" + "s".repeat(41) + "\"}").post("/api/reevaluations"), "segment");
        add("a re-evaluation by an unknown executor", 422, () -> json(risk(), "{\"region\": \"x\", \"executor\": \"hadoop\"}").post("/api/reevaluations"), "executor");
        add("a re-evaluation by an executor that is a list", 400, () -> json(risk(), "{\"executor\": [\"spark\"]}").post("/api/reevaluations"));
        add("failures of a run that does not exist", 404, () -> risk().get("/api/reevaluations/" + unknownId + "/failures"));
        add("end a plan that does not exist", 404, () -> risk().post("/api/contingency-plans/" + unknownId + "/end"));
        add("approve a limit proposal that does not exist", 404, () -> risk().post("/api/limit-proposals/" + unknownId + "/approve"));
        add("acknowledge an alert that does not exist", 404, () -> risk().post("/api/alerts/" + unknownId + "/acknowledge"));
        add("a rule set version that does not exist", 404, () -> risk().get("/api/rulesets/000000000000"));
        add("a file a version does not have", 404, () -> risk().get("/api/rulesets/" + activeVersion() + "/files/../../etc/passwd"));
        add("an explanation of a decision that does not exist", 404, () -> risk().get("/api/decisions/" + unknownId + "/explain"));

        // CSV imports at their boundaries
        String customers = "id,name,segment,region,industry,years_in_business,external_rating,risk_class,credit_limit,payment_terms_days";
        add("a customer import with a limit of 1e17", 422, () -> importCsv("customers", csv(customers,
                "C-CSV-1,A,SMB,DACH,Retail,3,BBB,C,100000000000000000,30")), "credit_limit", "\"line\":2");
        add("a customer import with a limit in cents and a half", 422, () -> importCsv("customers", csv(customers,
                "C-CSV-1,A,SMB,DACH,Retail,3,BBB,C,1000,30", "C-CSV-2,B,SMB,DACH,Retail,3,BBB,C,1000.005,30")), "credit_limit", "\"line\":3");
        add("a customer import with 501 years", 422, () -> importCsv("customers", csv(customers,
                "C-CSV-1,A,SMB,DACH,Retail,501,BBB,C,1000,30")), "years_in_business");
        add("a customer import with 366 days of terms", 422, () -> importCsv("customers", csv(customers,
                "C-CSV-1,A,SMB,DACH,Retail,5,BBB,C,1000,366")), "payment_terms_days");
        String invoices = "id,customer_id,order_id,issue_date,due_date,amount,paid_amount,paid_date";
        add("an invoice import with an amount of 1e16", 422, () -> importCsv("invoices", csv(invoices,
                "I-CSV-1," + customer + ",,2026-10-01,2026-10-31,10000000000000000,,")), "amount");
        add("an invoice import with 20 decimals", 422, () -> importCsv("invoices", csv(invoices,
                "I-CSV-1," + customer + ",,2026-10-01,2026-10-31,1.00000000000000000001,,")), "amount", "decimals");
        add("an invoice import with a paid amount of 3 decimals", 422, () -> importCsv("invoices", csv(invoices,
                "I-CSV-1," + customer + ",,2026-10-01,2026-10-31,100,1.001,2026-10-05")), "paid_amount");
        String orders = "id,customer_id,amount,currency,order_date";
        add("an order import with 1e16 EUR", 422, () -> importCsv("orders", csv(orders,
                "SO-CSV-1," + customer + ",10000000000000000,EUR,2026-10-01")), "amount");
        add("an order import with yen cents", 422, () -> importCsv("orders", csv(orders,
                "SO-CSV-1," + customer + ",100.5,JPY,2026-10-01")), "amount", "JPY");
        add("an order import with a discount above 100", 422, () -> importCsv("orders", csv(orders + ",discount_percent",
                "SO-CSV-1," + customer + ",100,EUR,2026-10-01,100.5")), "discount_percent");
        add("an order import with 366 days of terms", 422, () -> importCsv("orders", csv(orders + ",payment_terms_days",
                "SO-CSV-1," + customer + ",100,EUR,2026-10-01,366")), "payment_terms_days");
        add("a sales-history import with an amount of 1e16", 422, () -> importCsv("sales-history", csv("customer_id,month,amount",
                customer + ",2026-10,10000000000000000")), "amount");
        add("a sales-history import with 3 decimals", 422, () -> importCsv("sales-history", csv("customer_id,month,amount",
                customer + ",2026-10,10.001")), "amount");
        add("a market-index import with an index of 1e11", 422, () -> importCsv("market-index", csv("industry,month,index",
                "Retail,2026-10,100000000000")), "index");
        add("a market-index import with 5 decimals", 422, () -> importCsv("market-index", csv("industry,month,index",
                "Retail,2026-10,100.00001")), "index");
        add("an import of an unknown kind", 404, () -> importCsv("passwords", csv("a", "b")));
        add("an import with an unknown column", 422, () -> importCsv("customers", csv(customers + ",is_admin",
                "C-CSV-1,A,SMB,DACH,Retail,3,BBB,C,1000,30,true")), "is_admin");
        add("an import that is not CSV", 422, () -> importCsv("customers", "\u0000\u0001\u0002binary\"\"\"\n"));
        add("an empty import", 422, () -> importCsv("customers", ""));

        // held orders: the worklist, actions on a hold, lifecycle events
        String held = heldOrder();
        String hold = "/api/orders/" + held;
        String approved = approvedOrder();
        add("release as sales", 403, () -> json(as("sales", "sales123"), "{\"reasonCode\": \"CUSTOMER_PAID\"}").post(hold + "/release"));
        add("release without credentials", 401, () -> json(anonymous(), "{\"reasonCode\": \"CUSTOMER_PAID\"}").post(hold + "/release"));
        add("reject as an auditor", 403, () -> json(as("auditor", "audit123"), "{\"reasonCode\": \"ORDER_INVALID\"}").post(hold + "/reject"));
        add("release an unknown order", 404, () -> json(as("risk2", "risk123"), "{\"reasonCode\": \"CUSTOMER_PAID\"}").post("/api/orders/SO-NOPE/release"), "SO-NOPE");
        add("release with an unknown reason", 422, () -> json(as("risk2", "risk123"), "{\"reasonCode\": \"BECAUSE\"}").post(hold + "/release"), "reasonCode", "allowed");
        add("release with an unknown condition", 422, () -> json(as("risk2", "risk123"), "{\"reasonCode\": \"CUSTOMER_PAID\", \"conditions\": [\"NONE\"]}").post(hold + "/release"), "conditions[0]", "PREPAYMENT_REQUIRED");
        add("release valid for 1000 days", 422, () -> json(as("risk2", "risk123"), "{\"reasonCode\": \"CUSTOMER_PAID\", \"validityDays\": 1000}").post(hold + "/release"), "validityDays");
        add("release by the officer who entered the order", 403, () -> json(risk(), "{\"reasonCode\": \"CUSTOMER_PAID\"}").post(hold + "/release"), "entered order");
        add("reject with an unknown reason", 422, () -> json(as("risk2", "risk123"), "{\"reasonCode\": \"MEH\"}").post(hold + "/reject"), "reasonCode", "CREDIT_RISK_TOO_HIGH");
        add("a follow-up in the past", 422, () -> json(as("risk2", "risk123"), "{\"date\": \"2020-01-01\"}").post(hold + "/follow-up"), "date", "in the past");
        add("a follow-up on no date", 400, () -> json(as("risk2", "risk123"), "{\"date\": \"soon\"}").post(hold + "/follow-up"), "date");
        add("forward to a 101-character name", 422, () -> json(as("risk2", "risk123"), "{\"to\": \"" + "x".repeat(101) + "\"}").post(hold + "/forward"), "to");
        add("forward to nobody", 422, () -> json(as("risk2", "risk123"), "{\"to\": \" \"}").post(hold + "/forward"), "to");
        add("recheck an order that is not held", 409, () -> json(as("risk2", "risk123"), "{}").post("/api/orders/" + approved + "/recheck"), "not held");
        add("an event of an unknown type", 400, () -> json(risk(), "{\"eventId\": \"e1\", \"type\": \"EXPLODED\", \"occurredAt\": \"2026-12-01T10:00:00Z\"}").post(hold + "/events"), "type");
        add("an event without an id", 422, () -> json(risk(), "{\"type\": \"SHIPPED\", \"occurredAt\": \"2026-12-01T10:00:00Z\"}").post(hold + "/events"), "eventId");
        add("an event for an unknown order", 404, () -> json(risk(), "{\"eventId\": \"e2\", \"type\": \"SHIPPED\", \"occurredAt\": \"2026-12-01T10:00:00Z\"}").post("/api/orders/SO-NOPE/events"), "SO-NOPE");
        add("a change to a negative amount", 422, () -> json(risk(), "{\"eventId\": \"e3\", \"type\": \"CHANGED\", \"occurredAt\": \"2026-12-01T10:00:00Z\", \"amount\": -5}").post(hold + "/events"), "amount");
        add("a shipment of a held order", 409, () -> json(risk(), "{\"eventId\": \"e4\", \"type\": \"SHIPPED\", \"occurredAt\": \"2026-12-01T10:00:00Z\"}").post(hold + "/events"), "held");
        add("an event as an auditor", 403, () -> json(as("auditor", "audit123"), "{}").post(hold + "/events"));
        add("the worklist sorted by price", 422, () -> risk().queryParam("sort", "price").get("/api/worklist"), "sort", "AGE");
        add("the worklist with 201 rows a page", 422, () -> risk().queryParam("size", 201).get("/api/worklist"), "size");
        add("the worklist as sales", 403, () -> as("sales", "sales123").get("/api/worklist"));
        add("rule effectiveness without a period", 422, () -> risk().get("/api/rules/effectiveness"), "from");
        add("rule effectiveness from a day that does not exist", 422, () -> risk().queryParam("from", "2026-02-30")
                .queryParam("to", "2026-03-01").get("/api/rules/effectiveness"), "from");
        add("rule effectiveness for a backwards period", 422, () -> risk().queryParam("from", "2026-12-01")
                .queryParam("to", "2026-11-01").get("/api/rules/effectiveness"), "from");
        add("rule effectiveness over ten years", 422, () -> risk().queryParam("from", "2016-01-01")
                .queryParam("to", "2026-01-01").get("/api/rules/effectiveness"), "to");
        add("rule effectiveness as sales", 403, () -> as("sales", "sales123").queryParam("from", "2026-01-01")
                .queryParam("to", "2026-01-31").get("/api/rules/effectiveness"));
        add("rule effectiveness without credentials", 401, () -> anonymous().get("/api/rules/effectiveness"));
        add("hold statistics for a backwards period", 422, () -> risk().queryParam("from", "2026-12-01").queryParam("to", "2026-11-01").get("/api/worklist/stats"), "from");
        add("a bulk release of 501 orders", 422, () -> json(as("risk2", "risk123"), "{\"reasonCode\": \"CUSTOMER_PAID\", \"orderIds\": ["
                + String.join(",", java.util.Collections.nCopies(501, "\"SO-X\"")) + "]}").post("/api/worklist/release"), "orderIds");
        add("a recheck with orders and a filter", 422, () -> json(as("risk2", "risk123"), "{\"orderIds\": [\"" + held + "\"], \"filter\": {}}").post("/api/worklist/recheck"), "filter");
        add("an unknown recheck run", 404, () -> risk().get("/api/worklist/recheck-runs/" + unknownId));

        // the alert stream and webhook subscriptions
        // disabled, so that no other test's alert is fanned out to it; deleted at the end
        String hook = json(risk(), "{\"url\": \"http://127.0.0.1:9/hostile\", \"enabled\": false}").post("/api/webhooks")
                .then().statusCode(201).extract().path("id");
        String hooks = "/api/webhooks/" + hook;
        subscription = hooks;
        add("the alert stream without credentials", 401, () -> anonymous().get("/api/alerts/stream"));
        add("the alert stream from yesterday", 422, () -> risk().header("Last-Event-ID", "yesterday").get("/api/alerts/stream"), "Last-Event-ID");
        add("the alert stream after -1", 422, () -> risk().queryParam("after", "-1").get("/api/alerts/stream"), "after");
        add("a webhook subscription as sales", 403, () -> json(as("sales", "sales123"), "{\"url\": \"http://127.0.0.1:9/x\"}").post("/api/webhooks"));
        add("a webhook subscription as an auditor", 403, () -> json(as("auditor", "audit123"), "{\"url\": \"http://127.0.0.1:9/x\"}").post("/api/webhooks"));
        add("webhook subscriptions without credentials", 401, () -> anonymous().get("/api/webhooks"));
        add("a webhook subscription with broken JSON", 400, () -> json(risk(), "{\"url\": ").post("/api/webhooks"));
        add("a webhook subscription without a URL", 422, () -> json(risk(), "{}").post("/api/webhooks"), "url");
        add("a webhook to a URL outside the allowed prefixes", 422, () -> json(risk(), "{\"url\": \"http://169.254.169.254/latest/meta-data\"}").post("/api/webhooks"), "url", "allowed");
        add("a webhook to a file URL", 422, () -> json(risk(), "{\"url\": \"file:///etc/passwd\"}").post("/api/webhooks"), "url");
        add("a webhook for an unknown event type", 422, () -> json(risk(), "{\"url\": \"http://127.0.0.1:9/x\", \"eventTypes\": [\"alert.exploded\"]}").post("/api/webhooks"), "eventTypes[0]");
        add("a webhook with an unknown severity", 422, () -> json(risk(), "{\"url\": \"http://127.0.0.1:9/x\", \"minSeverity\": \"URGENT\"}").post("/api/webhooks"), "minSeverity");
        add("a webhook with a weak secret", 422, () -> json(risk(), "{\"url\": \"http://127.0.0.1:9/x\", \"secret\": \"whsec_abc\"}").post("/api/webhooks"), "secret");
        add("a webhook with a 1,000-character description", 422, () -> json(risk(), "{\"url\": \"http://127.0.0.1:9/x\", \"description\": \"" + "d".repeat(1000) + "\"}").post("/api/webhooks"), "description");
        add("a new secret for a webhook", 422, () -> json(risk(), "{\"secret\": \"whsec_" + "A".repeat(32) + "\"}").patch(hooks), "secret");
        add("an unknown webhook subscription", 404, () -> risk().get("/api/webhooks/" + unknownId));
        add("a webhook id that is not a UUID", 404, () -> risk().get("/api/webhooks/not-a-uuid"));
        add("deliveries of an unknown status", 422, () -> risk().queryParam("status", "BOGUS").get(hooks + "/deliveries"), "status");
        add("2,000 deliveries a page", 422, () -> risk().queryParam("limit", 2000).get(hooks + "/deliveries"), "limit");
        add("a replay of everything with no filter", 422, () -> json(risk(), "{}").post(hooks + "/replay"), "status");
        add("a replay of an unknown delivery", 404, () -> risk().contentType("application/json").post(hooks + "/deliveries/" + unknownId + "/replay"));
        add("delete a webhook as an auditor", 403, () -> as("auditor", "audit123").delete(hooks));

        // content types, methods, sizes
        add("evaluate as text/plain", 415, () -> risk().contentType("text/plain").body(validOrder()).post("/api/orders/evaluate"));
        add("evaluate as XML", 415, () -> risk().contentType("application/xml").body("<order/>").post("/api/orders/evaluate"));
        add("evaluate asking for XML back", 406, () -> json(risk(), validOrder()).accept("application/xml").post("/api/orders/evaluate"));
        add("import as JSON", 415, () -> json(risk(), "{}").post("/api/import/customers"));
        add("upload as text/plain", 415, () -> risk().contentType("text/plain").body("rule").post("/api/rulesets"));
        add("DELETE a customer", 405, () -> risk().delete("/api/customers/" + customer));
        add("GET the evaluation endpoint", 405, () -> risk().get("/api/orders/evaluate"));
        add("an unknown path", 404, () -> risk().get("/api/nothing-here"));
        add("an unknown path without credentials", 404, () -> anonymous().get("/no/such/page"));
        addRaw("a 21 MB import", 413, () -> oversizedPost("/api/import/customers", "text/csv", 21L * 1024 * 1024), "20 MB", "10 MB");
        add("an 11 MB rule upload", 413, () -> uploadFile("big.drl", new byte[11 * 1024 * 1024]), "files", "salesrisk.rules.upload.max-bytes");

        // hostile rule files: refused with the place named; at most a REJECTED version is recorded
        add("a rule that loops forever", 422, () -> uploadFile("spin.drl",
                drl("    int i = 0; while (i >= 0) { i = (i + 1) % 1000; }").getBytes(StandardCharsets.UTF_8)), "spin.drl", "\"line\":7", "loops");
        add("a rule that calls System.exit", 422, () -> uploadFile("exit.drl",
                drl("    System.exit(0);").getBytes(StandardCharsets.UTF_8)), "exit.drl", "\"line\":7");
        add("a rule that recurses through functions", 422, () -> uploadFile("recurse.drl", ("""
                package io.salesrisk.rules;
                function int down(int n) { return down(n - 1); }
                """).getBytes(StandardCharsets.UTF_8)), "recurse.drl", "\"line\":2", "recursion");
        add("a workbook that is not a workbook", 422, () -> uploadFile("fake.xlsx", "not excel".getBytes(StandardCharsets.UTF_8)), "fake.xlsx");
        add("a workbook zip bomb", 422, () -> { try { return uploadFile("bomb.xlsx", workbookBomb()); } catch (Exception e) { throw new IllegalStateException(e); } },
                "bomb.xlsx", "zip bomb");
        add("a zip bomb upload", 422, () -> { try { return risk().contentType("application/zip").body(zip("decision-tables/huge.xlsx", new byte[80 * 1024 * 1024])).post("/api/rulesets"); } catch (Exception e) { throw new IllegalStateException(e); } },
                "zip bomb");
        add("a zip with a path escaping the folders", 422, () -> { try { return risk().contentType("application/zip").body(zip("../../etc/cron.d/x.drl", drl("").getBytes(StandardCharsets.UTF_8))).post("/api/rulesets"); } catch (Exception e) { throw new IllegalStateException(e); } });
        add("a table with a mistyped reaction", 422, () -> uploadFile("order-credit-checks.xlsx",
                ShippedTables.withCell("OrderValue", "D11", "REVEIW")), "D11", "allowed: APPROVE, REVIEW, BLOCK");
        add("a file type that is not a rule file", 422, () -> uploadFile("notes.exe", new byte[]{1, 2, 3}), "notes.exe");
        add("an upload with no file", 422, () -> risk().contentType("multipart/form-data").multiPart("note", "nothing").post("/api/rulesets"), "files");
    }

    @Test
    void shouldAnswerEveryHostileRequestWithAProblemAndWriteNothing() throws Exception {
        buildCatalogue();
        String active = activeVersion();
        Map<String, Long> before = stableCounts();
        long rejectedBefore = rejectedVersions();
        List<String> failures = new ArrayList<>();

        for (Hostile hostile : catalogue) {
            Answer response = hostile.send().get();
            String body = response.body();
            String contentType = response.contentType();
            List<String> wrong = new ArrayList<>();
            if (response.status() != hostile.status()) {
                wrong.add("status " + response.status() + ", expected " + hostile.status());
            }
            if (!contentType.startsWith("application/problem+json")) {
                wrong.add("content type '" + contentType + "'");
            } else {
                if (!body.contains("\"status\":" + response.status()) || !body.contains("\"title\"") || !body.contains("\"type\"")) {
                    wrong.add("not a problem document");
                }
            }
            for (String mention : hostile.mentions()) {
                if (!body.contains(mention)) {
                    wrong.add("does not mention " + mention);
                }
            }
            if (body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")) {
                wrong.add("leaks a stack trace or class name");
            }
            if (response.status() == 401 && response.challenge() == null) {
                wrong.add("401 without a WWW-Authenticate challenge");
            }
            if (!wrong.isEmpty()) {
                failures.add(hostile.name() + ": " + String.join("; ", wrong) + " — " + abbreviate(body));
            }
        }

        assertThat(failures).as("hostile requests answered wrongly").isEmpty();
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        assertThat(activeVersion()).isEqualTo(active);
        Map<String, Long> after = counts();
        Map<String, Long> expected = new LinkedHashMap<>(before);
        long newVersions = after.get("rule_sets") - before.get("rule_sets");
        assertThat(rejectedVersions() - rejectedBefore).as("new versions are all REJECTED").isEqualTo(newVersions);
        RULE_SET_TABLES.forEach(table -> {
            expected.remove(table);
            after.remove(table);
        });
        assertThat(after).isEqualTo(expected);
    }

    @org.junit.jupiter.api.AfterEach
    void deleteTheSubscription() {
        if (subscription != null) {
            risk().delete(subscription).then().statusCode(204);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** Row counts, once the writes of earlier tests (group commits of decisions) have settled. */
    private Map<String, Long> stableCounts() {
        List<Map<String, Long>> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last.add(counts());
            return last.size() >= 2 && last.get(last.size() - 1).equals(last.get(last.size() - 2));
        });
        return last.get(last.size() - 1);
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'flyway%' "
                    + "ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private long rejectedVersions() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM rule_sets WHERE status = 'REJECTED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
