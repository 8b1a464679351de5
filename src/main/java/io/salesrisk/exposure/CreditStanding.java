package io.salesrisk.exposure;

import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.PaymentBehaviour;

/** The exposure and payment-behaviour facts of one customer for one evaluation. */
public record CreditStanding(CreditExposure exposure, PaymentBehaviour payment) {
}
