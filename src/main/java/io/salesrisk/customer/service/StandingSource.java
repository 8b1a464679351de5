package io.salesrisk.customer.service;

import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.PaymentBehaviour;

import java.util.List;
import java.util.Optional;

/**
 * Where the customer view gets today's credit standing from. Defined here and implemented by the order evaluation
 * (which knows the exposure, the active plans and the rules), so the customer feature does not depend on them.
 */
public interface StandingSource {

    /**
     * A customer's exposure and payment behaviour as the active rules see them today, and the active contingency plans
     * that cover it.
     */
    record Standing(CreditExposure exposure, PaymentBehaviour payment, List<String> activePlans) {
    }

    /** The standing, or empty when the customer does not exist. */
    Optional<Standing> standing(String customerId);
}
