package io.salesrisk.limitproposal.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.salesrisk.common.Ids;
import io.salesrisk.common.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one writer of {@code limit_proposals}. Proposals from a re-evaluation chunk are written in batches in the
 * chunk's transaction; a decision on one proposal goes through Panache.
 */
@ApplicationScoped
public class LimitProposalRepository implements PanacheRepositoryBase<LimitProposalEntity, UUID> {

    private final Jdbc jdbc;

    public LimitProposalRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the proposals, replacing each customer's pending one, in the caller's transaction; returns how many were new. */
    public int proposeAll(List<NewLimitProposal> proposals, OffsetDateTime now) {
        if (proposals.isEmpty()) {
            return 0;
        }
        String json = jdbc.dialect().jsonParameter();
        return jdbc.write(sql -> {
            int[] updated = sql.batch("UPDATE limit_proposals SET run_id = ?, current_limit = ?, proposed_limit = ?, reasons = "
                    + json + ", created_at = ? WHERE open_key = ?", proposals, (s, p) -> s.set(p.runId(), p.currentLimit(),
                    p.proposedLimit(), p.reasonsJson(), now, p.customerId()));
            List<NewLimitProposal> fresh = new java.util.ArrayList<>();
            for (int i = 0; i < proposals.size(); i++) {
                if (updated[i] == 0) {
                    fresh.add(proposals.get(i));
                }
            }
            sql.batch("INSERT INTO limit_proposals (id, customer_id, run_id, current_limit, proposed_limit, status, open_key, "
                    + "reasons, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, " + json + ", ?)", fresh, (s, p) -> s.set(
                    Ids.timeOrdered(), p.customerId(), p.runId(), p.currentLimit(), p.proposedLimit(), ProposalStatus.PENDING,
                    p.customerId(), p.reasonsJson(), now));
            return fresh.size();
        });
    }

    /** Customers from {@code firstId} to {@code lastId} with a pending proposal. */
    public Set<String> pendingBetween(String firstId, String lastId) {
        return new HashSet<>(getEntityManager().createQuery("select p.openKey from LimitProposalEntity p "
                        + "where p.openKey >= :first and p.openKey <= :last", String.class)
                .setParameter("first", firstId).setParameter("last", lastId).getResultList());
    }

    /** Marks the customers' pending proposals SUPERSEDED: a newer assessment no longer proposes them. */
    public void supersede(Collection<String> customerIds, UUID runId, OffsetDateTime now) {
        if (!customerIds.isEmpty()) {
            update("status = ?1, openKey = null, decidedBy = ?2, decidedAt = ?3 where openKey in ?4",
                    ProposalStatus.SUPERSEDED, "run " + runId, now, List.copyOf(customerIds));
        }
    }

    /** Proposals by status and customer (null for any), oldest first. */
    public List<LimitProposalEntity> list(ProposalStatus status, String customerId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (customerId != null) {
            query.append(" and customerId = :customer");
            parameters.and("customer", customerId);
        }
        return find(query.toString(), Sort.ascending("createdAt", "id"), parameters).page(0, limit).list();
    }

    /** The proposals a run made, by status (null for any), oldest first, a page of them. */
    public List<LimitProposalEntity> ofRun(UUID runId, ProposalStatus status, int limit, int offset) {
        Sort order = Sort.ascending("createdAt", "id");
        return (status == null ? find("runId", order, runId) : find("runId = ?1 and status = ?2", order, runId, status))
                .range(offset, offset + limit - 1).list();
    }
}
