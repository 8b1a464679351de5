package io.salesrisk.testsupport;

import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.facts.ContingencyMeasure;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.Order;
import io.salesrisk.facts.PaymentBehaviour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A clean order (class A enterprise customer, large limit, nothing overdue, short terms, signed contract) that
 * fires no shipped rule, changed one field at a time with {@code key=value} pairs.
 */
public final class OrderScenario {

    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private String riskClass = "A";
    private String segment = "ENTERPRISE";
    private BigDecimal limit = new BigDecimal("1000000");
    private BigDecimal receivables = BigDecimal.ZERO;
    private BigDecimal overdue = BigDecimal.ZERO;
    private int oldestOverdueDays;
    private BigDecimal openOrders = BigDecimal.ZERO;
    private BigDecimal amount = new BigDecimal("1000");
    private int terms = 14;
    private int allowedTerms;
    private BigDecimal discount = BigDecimal.ZERO;
    private boolean contract = true;
    private boolean prepayment;
    private String plans = "";
    private BigDecimal planCut = BigDecimal.ZERO;
    private boolean planPrepayment;

    /** Applies "key=value key=value ..." overrides. */
    public OrderScenario given(String overrides) {
        for (String pair : overrides.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            set(kv[0], kv[1]);
        }
        return this;
    }

    public OrderScenario set(String key, String value) {
        switch (key) {
            case "class" -> riskClass = value;
            case "segment" -> segment = value;
            case "limit" -> limit = new BigDecimal(value);
            case "receivables" -> receivables = new BigDecimal(value);
            case "overdue" -> overdue = new BigDecimal(value);
            case "oldestOverdueDays" -> oldestOverdueDays = Integer.parseInt(value);
            case "openOrders" -> openOrders = new BigDecimal(value);
            case "amount" -> amount = new BigDecimal(value);
            case "terms" -> terms = Integer.parseInt(value);
            case "allowedTerms" -> allowedTerms = Integer.parseInt(value);
            case "discount" -> discount = new BigDecimal(value);
            case "contract" -> contract = Boolean.parseBoolean(value);
            case "prepayment" -> prepayment = Boolean.parseBoolean(value);
            case "plans" -> plans = value;
            case "planCut" -> planCut = new BigDecimal(value);
            case "planPrepayment" -> planPrepayment = Boolean.parseBoolean(value);
            default -> throw new IllegalArgumentException("unknown scenario key " + key);
        }
        return this;
    }

    public OrderFacts facts() {
        Customer customer = new Customer();
        customer.setId("C-TEST");
        customer.setName("Test Customer");
        customer.setSegment(segment);
        customer.setRegion("DACH");
        customer.setIndustry("Manufacturing");
        customer.setYearsInBusiness(20);
        customer.setRiskClass(riskClass);
        customer.setCreditLimit(limit);
        customer.setAllowedPaymentTermsDays(allowedTerms);
        customer.setPrepaymentRequired(prepayment);
        customer.setActivePlans(plans.isEmpty() ? List.of() : List.of(plans.split(",")));
        Order order = new Order();
        order.setId("SO-TEST");
        order.setCustomerId(customer.getId());
        order.setAmount(amount);
        order.setOriginalAmount(amount);
        order.setCurrency("EUR");
        order.setOrderDate(AS_OF);
        order.setPaymentTermsDays(terms);
        order.setDiscountPercent(discount);
        order.setContractSigned(contract);
        CreditExposure exposure = CreditExposure.of(AS_OF, 90, limit, receivables, overdue, oldestOverdueDays, openOrders, amount);
        return new OrderFacts(customer, order, exposure, new PaymentBehaviour(), measures());
    }

    /** The active plans' actions for the customer's class: a limit cut of {@code planCut} %, prepayment if asked. */
    private List<ContingencyMeasure> measures() {
        List<ContingencyMeasure> measures = new ArrayList<>();
        String plan = plans.isEmpty() ? "test-plan" : plans.split(",")[0];
        if (planCut.signum() > 0) {
            measures.add(new ContingencyMeasure(plan, "PORTFOLIO", "TEST_RISK", "HIGH", "CUT_LIMIT", planCut, List.of(riskClass)));
        }
        if (planPrepayment) {
            measures.add(new ContingencyMeasure(plan, "PORTFOLIO", "TEST_RISK", "HIGH", "REQUIRE_PREPAYMENT", null, List.of(riskClass)));
        }
        return measures;
    }
}
