package io.salesrisk.evaluation.service;

import io.salesrisk.customer.service.StandingSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The customer view's standing: the exposure measured as the active rules measure it for a new order. */
@ApplicationScoped
public class CustomerStandings implements StandingSource {

    private final EvaluationService evaluations;

    public CustomerStandings(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public Optional<Standing> standing(String customerId) {
        return evaluations.standingUnderRules(customerId).map(s -> new Standing(s.exposure(), s.payment(),
                s.customer().getActivePlans()));
    }
}
