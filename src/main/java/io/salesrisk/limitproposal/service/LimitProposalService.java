package io.salesrisk.limitproposal.service;

import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.problem.ConflictException;
import io.salesrisk.common.problem.NotFoundException;
import io.salesrisk.customer.service.CustomerService;
import io.salesrisk.limitproposal.persistence.LimitProposalEntity;
import io.salesrisk.limitproposal.persistence.LimitProposalRecord;
import io.salesrisk.limitproposal.persistence.LimitProposalRepository;
import io.salesrisk.limitproposal.persistence.ProposalStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The queue of limit increases and a risk officer's decision on one. Approving applies the limit only if the
 * customer's limit is still the one the proposal started from; otherwise the proposal is stale and must be
 * re-assessed.
 */
@ApplicationScoped
public class LimitProposalService {

    private final LimitProposalRepository proposals;
    private final CustomerService customers;
    private final JsonText json;
    private final Clock clock;

    public LimitProposalService(LimitProposalRepository proposals, CustomerService customers, JsonText json, Clock clock) {
        this.proposals = proposals;
        this.customers = customers;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public List<LimitProposalRecord> list(ProposalStatus status, String customerId, int limit) {
        return proposals.list(status, customerId, limit).stream().map(this::record).toList();
    }

    /** The proposals a run made, by status (null for any), oldest first, a page of them. */
    @Transactional
    public List<LimitProposalRecord> ofRun(UUID runId, ProposalStatus status, int limit, int offset) {
        return proposals.ofRun(runId, status, limit, offset).stream().map(this::record).toList();
    }

    @Transactional
    public LimitProposalRecord approve(UUID id, String user) {
        return decide(id, user, true);
    }

    @Transactional
    public LimitProposalRecord reject(UUID id, String user) {
        return decide(id, user, false);
    }

    private LimitProposalRecord decide(UUID id, String user, boolean approve) {
        LimitProposalEntity proposal = proposals.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException(null, "limit proposal " + id + " does not exist"));
        if (proposal.status != ProposalStatus.PENDING) {
            throw new ConflictException("status", "limit proposal " + id + " is " + proposal.status + ", not PENDING");
        }
        if (approve) {
            customers.applyApprovedLimit(proposal.customerId, proposal.currentLimit, proposal.proposedLimit);
        }
        proposal.status = approve ? ProposalStatus.APPROVED : ProposalStatus.REJECTED;
        proposal.openKey = null;
        proposal.decidedBy = user;
        proposal.decidedAt = OffsetDateTime.now(clock);
        return record(proposal);
    }

    private LimitProposalRecord record(LimitProposalEntity p) {
        BigDecimal increase = p.currentLimit.signum() == 0 ? null : p.proposedLimit.subtract(p.currentLimit)
                .multiply(BigDecimal.valueOf(100)).divide(p.currentLimit, 2, RoundingMode.HALF_UP);
        return new LimitProposalRecord(p.id, p.customerId, p.runId, p.currentLimit, p.proposedLimit, increase,
                p.status.name(), json.tree(p.reasons), p.createdAt, p.decidedBy, p.decidedAt);
    }
}
