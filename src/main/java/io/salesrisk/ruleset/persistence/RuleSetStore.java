package io.salesrisk.ruleset.persistence;

import io.salesrisk.engine.RuleSources;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Where rule-set versions, their files, their audit trail and the active pointer are kept. */
public interface RuleSetStore {

    Optional<RuleSetRecord> find(String version);

    /** Every version, newest first. */
    List<RuleSetRecord> list();

    /** Stores a new version with its files and a REGISTERED (or REJECTED) event. */
    void insert(RuleSetRecord record, RuleSources files);

    /** The exact files of a version. */
    RuleSources files(String version);

    /** The version every instance should run, if any was activated. */
    Optional<String> activeVersion();

    /**
     * Records a four-eyes approval, once: false (and nothing written) when the version was approved already, also
     * by a concurrent request.
     */
    boolean approve(String version, String approver, OffsetDateTime at);

    /**
     * Makes {@code version} the active one in one transaction: the previous active version becomes RETIRED, the
     * pointer moves, and an ACTIVATED event names who did it and what it replaced.
     *
     * @return the version it replaced, if any
     */
    Optional<String> activate(String version, String actor, OffsetDateTime at);

    /** A version's audit trail, oldest first. */
    List<RuleSetEvent> events(String version);

    /** The latest ACTIVATED events over every version, newest first, at most {@code limit}. */
    default List<RuleSetEvent> activations(int limit) {
        return list().stream().flatMap(r -> events(r.version()).stream()).filter(e -> "ACTIVATED".equals(e.action()))
                .sorted(Comparator.comparing(RuleSetEvent::occurredAt).reversed()).limit(limit).toList();
    }
}
