package io.salesrisk.contingency.service;

import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.contingency.persistence.PlanRecord;
import io.salesrisk.contingency.persistence.PlanRepository;
import io.salesrisk.contingency.persistence.PlanStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Contingency plans as risk officers see them: the list, one plan, ending one by hand. */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final ActivePlans activePlans;
    private final Clock clock;

    public PlanService(PlanRepository plans, ActivePlans activePlans, Clock clock) {
        this.plans = plans;
        this.activePlans = activePlans;
        this.clock = clock;
    }

    /** Plans by status (null for all), newest first. */
    @Transactional
    public List<PlanRecord> list(PlanStatus status, int limit) {
        return plans.list(status, limit);
    }

    /** The active plans that cover a customer (portfolio, its segment and industry, the customer itself). */
    public List<PlanRecord> covering(String customerId, String segment, String industry) {
        return activePlans.plansCovering(customerId, segment, industry);
    }

    /** A page of the plans by status (null for all), newest first. */
    @Transactional
    public List<PlanRecord> list(PlanStatus status, int limit, int offset) {
        return plans.list(status, limit, offset);
    }

    @Transactional
    public PlanRecord get(UUID id) {
        return plans.record(id).orElseThrow(() -> new NotFoundException(null, "contingency plan " + id + " does not exist"));
    }

    /** Ends an active plan now; the next run activates it again if its trigger still holds. */
    public PlanRecord end(UUID id, String by, String reason) {
        PlanRecord plan = get(id);
        String why = reason == null || reason.isBlank() ? "ended by hand" : reason.trim();
        if (plans.end(List.of(id), by, why, OffsetDateTime.now(clock)) != 1) {
            throw new ConflictException("status", "contingency plan " + id + " is " + plan.status()
                    + "; only an active plan can be ended");
        }
        activePlans.refresh();
        return get(id);
    }
}
