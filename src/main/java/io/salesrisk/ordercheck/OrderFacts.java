package io.salesrisk.ordercheck;

import io.salesrisk.facts.ContingencyMeasure;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.Order;
import io.salesrisk.facts.PaymentBehaviour;

import java.util.List;

/**
 * Every fact one order evaluation gives the engine. Stored as JSON with the decision, so the decision can be
 * replayed against another rule set later.
 *
 * @param measures the actions of the active contingency plans that cover the customer (empty when none)
 */
public record OrderFacts(Customer customer, Order order, CreditExposure exposure, PaymentBehaviour payment,
                         List<ContingencyMeasure> measures) {

    /**
     * The fact types an order rule can match: these facts, the check that wraps them and its decision. A table
     * whose conditions match anything else (an Assessment, a Scorecard) is a re-evaluation table.
     */
    public static final java.util.Set<String> RULE_TYPES = java.util.Set.of("OrderCheck", "Customer", "Order",
            "CreditExposure", "PaymentBehaviour", "ContingencyMeasure", "Decision");

    public OrderFacts {
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** Facts without contingency measures. */
    public OrderFacts(Customer customer, Order order, CreditExposure exposure, PaymentBehaviour payment) {
        this(customer, order, exposure, payment, List.of());
    }

    /** Independent copies of every fact: rules may change facts, a replay must not let one run see another's. */
    public OrderFacts copy() {
        return new OrderFacts(customer.copy(), order.copy(), exposure.copy(), payment.copy(), measures);
    }
}
