package io.salesrisk.testsupport;

import io.salesrisk.engine.RuleSources;
import io.salesrisk.ruleset.persistence.RuleSetEvent;
import io.salesrisk.ruleset.persistence.RuleSetRecord;
import io.salesrisk.ruleset.persistence.RuleSetStatus;
import io.salesrisk.ruleset.persistence.RuleSetStore;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A rule-set store in memory, for tests of the lifecycle that need no database. */
public final class InMemoryRuleSetStore implements RuleSetStore {

    private final Map<String, RuleSetRecord> records = new LinkedHashMap<>();
    private final Map<String, RuleSources> files = new LinkedHashMap<>();
    private final List<RuleSetEvent> events = new ArrayList<>();
    private String active;

    @Override
    public synchronized Optional<RuleSetRecord> find(String version) {
        return Optional.ofNullable(records.get(version));
    }

    @Override
    public synchronized List<RuleSetRecord> list() {
        return records.values().stream().sorted(Comparator.comparing(RuleSetRecord::createdAt).reversed()).toList();
    }

    @Override
    public synchronized void insert(RuleSetRecord record, RuleSources sources) {
        records.put(record.version(), record);
        files.put(record.version(), sources);
        events.add(new RuleSetEvent(record.version(), record.status() == RuleSetStatus.REJECTED ? "REJECTED" : "REGISTERED",
                record.author(), record.createdAt(), null, null));
    }

    @Override
    public synchronized RuleSources files(String version) {
        return files.get(version);
    }

    @Override
    public synchronized Optional<String> activeVersion() {
        return Optional.ofNullable(active);
    }

    @Override
    public synchronized boolean approve(String version, String approver, OffsetDateTime at) {
        if (records.get(version).approvedBy() != null) {
            return false;
        }
        records.put(version, records.get(version).approved(approver, at));
        events.add(new RuleSetEvent(version, "APPROVED", approver, at, null, null));
        return true;
    }

    @Override
    public synchronized Optional<String> activate(String version, String actor, OffsetDateTime at) {
        String previous = active;
        if (previous != null && !previous.equals(version)) {
            records.put(previous, records.get(previous).withStatus(RuleSetStatus.RETIRED));
        }
        records.put(version, records.get(version).activated(at));
        active = version;
        events.add(new RuleSetEvent(version, "ACTIVATED", actor, at, previous, null));
        return Optional.ofNullable(previous);
    }

    @Override
    public synchronized List<RuleSetEvent> events(String version) {
        return events.stream().filter(e -> e.version().equals(version)).toList();
    }
}
