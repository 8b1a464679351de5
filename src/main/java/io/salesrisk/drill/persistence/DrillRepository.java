package io.salesrisk.drill.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The drills table, its only writer: a drill is inserted once, with its report, and never changed. */
@ApplicationScoped
public class DrillRepository implements PanacheRepositoryBase<DrillEntity, UUID> {

    @Transactional
    public void insert(DrillRecord drill) {
        DrillEntity e = new DrillEntity();
        e.id = drill.id();
        e.scenario = drill.scenario();
        e.parameters = drill.parametersJson();
        e.description = drill.description();
        e.rulesetVersion = drill.rulesetVersion();
        e.activeVersion = drill.activeVersion();
        e.asOf = drill.asOf();
        e.requestedBy = drill.requestedBy();
        e.createdAt = drill.createdAt();
        e.millis = drill.millis();
        e.customers = drill.customers();
        e.changed = drill.changed();
        e.plansActivated = drill.plansActivated();
        e.plansAdded = drill.plansAdded();
        e.ordersHeld = drill.ordersHeld();
        e.report = drill.reportJson();
        persist(e);
    }

    /** The most recent drills, newest first, without their reports. */
    @Transactional
    public List<DrillRecord> recent(int limit) {
        return findAll(Sort.descending("createdAt").and("id", Sort.Direction.Descending)).page(Page.ofSize(limit)).list()
                .stream().map(e -> record(e, false)).toList();
    }

    @Transactional
    public Optional<DrillRecord> byId(UUID id) {
        return findByIdOptional(id).map(e -> record(e, true));
    }

    private static DrillRecord record(DrillEntity e, boolean withReport) {
        return new DrillRecord(e.id, e.scenario, e.parameters, e.description, e.rulesetVersion, e.activeVersion, e.asOf,
                e.requestedBy, e.createdAt, e.millis, e.customers, e.changed, e.plansActivated, e.plansAdded, e.ordersHeld,
                withReport ? e.report : null);
    }
}
