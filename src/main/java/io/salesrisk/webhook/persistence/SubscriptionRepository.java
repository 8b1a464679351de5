package io.salesrisk.webhook.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.salesrisk.common.persistence.ColumnText;
import io.salesrisk.facts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The one owner of {@code webhook_subscriptions} (a few rows, changed by officers and by delivery outcomes). */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<SubscriptionEntity, UUID> {

    @Transactional(Transactional.TxType.MANDATORY)
    public Subscription create(SubscriptionEntity subscription) {
        persist(subscription);
        return record(subscription);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> all() {
        return list("order by createdAt").stream().map(SubscriptionRepository::record).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> enabled() {
        return list("enabled = true order by createdAt").stream().map(SubscriptionRepository::record).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Subscription> get(UUID id) {
        return findByIdOptional(id).map(SubscriptionRepository::record);
    }

    /** The entity to change in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SubscriptionEntity> forUpdate(UUID id) {
        return findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(UUID id) {
        return deleteById(id);
    }

    /** Turns a subscription off with the reason; false when it was off already (someone else did it first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean disable(UUID id, String reason, OffsetDateTime now) {
        return update("enabled = false, disabledReason = ?1, disabledAt = ?2, updatedAt = ?2 where id = ?3 and enabled = true",
                ColumnText.message(reason), now, id) == 1;
    }

    /** Remembers when the current run of failures began (kept if one is already running); returns that time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OffsetDateTime failing(UUID id, OffsetDateTime now) {
        update("failingSince = ?1 where id = ?2 and failingSince is null", now, id);
        return findByIdOptional(id).map(s -> s.failingSince).orElse(now);
    }

    /** A delivery got through: the subscription is no longer failing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(List<UUID> ids) {
        if (!ids.isEmpty()) {
            update("failingSince = null where id in ?1 and failingSince is not null", ids);
        }
    }

    /** The record of an entity (e.g. one just changed in the caller's transaction). */
    public static Subscription record(SubscriptionEntity s) {
        List<String> types = s.eventTypes == null || s.eventTypes.isBlank() ? List.of()
                : Arrays.stream(s.eventTypes.split(",")).map(String::strip).toList();
        return new Subscription(s.id, s.url, types, Severity.valueOf(s.minSeverity), s.secret, s.description, s.enabled,
                s.disabledReason, s.disabledAt, s.failingSince, s.fromSeq, s.createdBy, s.createdAt, s.updatedAt);
    }
}
