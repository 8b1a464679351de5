package io.salesrisk.hold.service;

import io.salesrisk.evaluation.service.ReleaseLookup;
import io.salesrisk.hold.persistence.HoldRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Optional;

/** The evaluation's view of releases: the last still-valid release of an order, for the release tolerance. */
@ApplicationScoped
public class HeldOrderReleases implements ReleaseLookup {

    private final HoldRepository holds;

    public HeldOrderReleases(HoldRepository holds) {
        this.holds = holds;
    }

    @Override
    @Transactional
    public Optional<Release> validRelease(String orderId, LocalDate today) {
        return holds.validRelease(orderId, today)
                .map(h -> new Release(h.amount, h.closedAt, h.closedBy, h.releaseValidUntil));
    }
}
