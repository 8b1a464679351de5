package io.salesrisk.contingency.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.salesrisk.common.Ids;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.common.persistence.Jdbc;
import io.salesrisk.contingency.catalog.PlanAction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The one writer of {@code contingency_plans}. A plan is active at most once per scope: activating it again confirms
 * it (with the new figures) instead of starting another. Activations are batched because a re-evaluation chunk may
 * activate customer-level plans for many of its 2,000 customers in one transaction; the rest is Panache.
 */
@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<PlanEntity, UUID> {

    private static final TypeReference<List<PlanAction>> ACTIONS = new TypeReference<>() { };

    private final Jdbc jdbc;
    private final JsonText json;

    public PlanRepository(Jdbc jdbc, JsonText json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Activates the plans or confirms those already active, in the caller's transaction; returns the newly active. */
    public List<PlanActivation> activateAll(List<PlanActivation> activations, OffsetDateTime now) {
        if (activations.isEmpty()) {
            return List.of();
        }
        String jsonParameter = jdbc.dialect().jsonParameter();
        return jdbc.write(sql -> {
            int[] confirmed = sql.batch("UPDATE contingency_plans SET confirmed_at = ?, message = ?, trigger_values = "
                    + jsonParameter + ", run_id = ? WHERE active_key = ?", activations, (s, a) -> s.set(now,
                    ColumnText.message(a.message()), json.write(a.values()), a.runId(), a.activeKey()));
            List<PlanActivation> fresh = new ArrayList<>();
            for (int i = 0; i < activations.size(); i++) {
                if (confirmed[i] == 0) {
                    fresh.add(activations.get(i));
                }
            }
            sql.batch("INSERT INTO contingency_plans (id, plan_code, risk_type, risk_level, scope, active_key, status, rule, "
                    + "message, trigger_values, actions, run_id, activated_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + jsonParameter + ", " + jsonParameter + ", ?, ?, ?)", fresh, (s, a) -> s.set(Ids.timeOrdered(),
                    a.plan().code(), a.risk().riskType(), String.valueOf(a.risk().level()), a.scope(), a.activeKey(),
                    PlanStatus.ACTIVE, a.rule(), ColumnText.message(a.message()), json.write(a.values()),
                    json.write(a.actions()), a.runId(), now, now));
            return fresh;
        });
    }

    /** Ends the active plans among the ids (in the caller's transaction, if any); returns how many were active. */
    @jakarta.transaction.Transactional
    public int end(Collection<UUID> ids, String by, String reason, OffsetDateTime now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("status = ?1, activeKey = null, endedAt = ?2, endedBy = ?3, endReason = ?4 where id in ?5 and status = ?6",
                PlanStatus.ENDED, now, by, ColumnText.message(reason), List.copyOf(ids), PlanStatus.ACTIVE);
    }

    public List<PlanRecord> active() {
        return records(list("status", PlanStatus.ACTIVE));
    }

    /** The active plans of the portfolio, segments and industries: those a run's finishing step judges. */
    public List<PlanRecord> activeAboveCustomers() {
        return records(list("status = ?1 and scope not like 'CUSTOMER:%'", PlanStatus.ACTIVE));
    }

    /** Active plans with a scope from {@code fromScope} to {@code toScope} (a chunk's customers). */
    public List<PlanRecord> activeWithScopeBetween(String fromScope, String toScope) {
        return records(list("status = ?1 and scope >= ?2 and scope <= ?3", PlanStatus.ACTIVE, fromScope, toScope));
    }

    public java.util.Optional<PlanRecord> record(UUID id) {
        return findByIdOptional(id).map(this::record);
    }

    /**
     * Changes whenever a plan is activated (one more row) or ended (one active plan fewer), whatever the times the
     * writers stamped; confirmations change nothing a plan does. Readers of the active plans skip re-reading them
     * while it stays the same.
     */
    public String changeMark() {
        Object[] mark = getEntityManager().createQuery("select count(p), sum(case when p.status = :active then 1 else 0 end) "
                + "from PlanEntity p", Object[].class).setParameter("active", PlanStatus.ACTIVE).getSingleResult();
        return mark[0] + "|" + mark[1];
    }

    /** Plans by status (null for all), newest first. */
    public List<PlanRecord> list(PlanStatus status, int limit) {
        return list(status, limit, 0);
    }

    /** A page of the plans by status (null for all), newest first. */
    public List<PlanRecord> list(PlanStatus status, int limit, int offset) {
        Sort newestFirst = Sort.descending("activatedAt", "id");
        return records((status == null ? findAll(newestFirst) : find("status", newestFirst, status))
                .range(offset, offset + limit - 1).list());
    }

    private List<PlanRecord> records(List<PlanEntity> plans) {
        return plans.stream().map(this::record).toList();
    }

    private PlanRecord record(PlanEntity p) {
        return new PlanRecord(p.id, p.planCode, p.riskType, p.riskLevel, p.scope, p.status.name(), p.rule, p.message,
                json.tree(p.triggerValues), json.read(p.actions, ACTIONS), p.runId, p.activatedAt, p.confirmedAt, p.endedAt,
                p.endedBy, p.endReason);
    }
}
