package io.salesrisk.evaluation.service;

import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.Order;
import io.salesrisk.facts.PaymentBehaviour;

/**
 * Every fact one order evaluation gives the engine. Stored as JSON with the decision, so the decision can be
 * replayed against another rule set later.
 */
public record OrderFacts(Customer customer, Order order, CreditExposure exposure, PaymentBehaviour payment) {

    /** Independent copies of every fact: rules may change facts, a replay must not let one run see another's. */
    public OrderFacts copy() {
        return new OrderFacts(customer.copy(), order.copy(), exposure.copy(), payment.copy());
    }
}
