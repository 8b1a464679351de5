package io.salesrisk.exposure;

import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.Customer;
import io.salesrisk.facts.PaymentBehaviour;

/**
 * The customer and its exposure and payment-behaviour facts for one evaluation.
 *
 * @param existingOrder the order under evaluation as stored before, or null when it is new
 */
public record CreditStanding(Customer customer, CreditFiguresQuery.ExistingOrder existingOrder, CreditExposure exposure,
                             PaymentBehaviour payment) {
}
