package io.salesrisk.customer.rest;

import io.salesrisk.customer.service.StandingSource;
import io.salesrisk.facts.CreditExposure;
import io.salesrisk.facts.PaymentBehaviour;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A customer with today's exposure and payment behaviour. */
public record CustomerView(String id, String name, String segment, String region, String industry,
                           int yearsInBusiness, String externalRating, String riskClass, BigDecimal creditLimit,
                           int paymentTermsDays, Integer score, boolean prepaymentRequired, List<String> activePlans,
                           CreditExposure exposure, PaymentBehaviour payment, OffsetDateTime updatedAt) {

    static CustomerView of(io.salesrisk.customer.persistence.CustomerEntity c, StandingSource.Standing standing) {
        return new CustomerView(c.id, c.name, c.segment, c.region, c.industry, c.yearsInBusiness, c.externalRating,
                c.riskClass, c.creditLimit, c.paymentTermsDays, c.score, c.prepaymentRequired,
                standing.activePlans(), standing.exposure(), standing.payment(), c.updatedAt);
    }
}
