package io.salesrisk.hold.service;

import io.salesrisk.decision.service.DecisionJson;
import io.salesrisk.decision.service.DecisionService;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.hold.persistence.HoldRepository;
import io.salesrisk.hold.persistence.HoldWriter;
import io.salesrisk.hold.persistence.WorklistFilter;
import io.salesrisk.ordercheck.ApprovalHints;
import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The worklist: open holds, filtered, sorted and paged in the database, with their counts, and for each row of the
 * page the smallest change the active rules would approve (computed by running the rules on the stored facts).
 *
 * <p>Rows are always read fresh. The counts of a filter scan every open hold that passes it (tens of milliseconds
 * at 100,000 open holds, WorklistBenchmark), so they are kept for {@code salesrisk.holds.counts-max-age} per filter
 * and the page says when they were taken; the hints depend only on the decision and the rule-set version, so they
 * are kept per decision until the active version changes.
 */
@ApplicationScoped
public class WorklistService {

    private static final int MAX_CACHED = 2_000;

    private record CachedCounts(OffsetDateTime at, long total, Map<String, Long> byRule, Map<String, Long> byAge) {
    }

    private final HoldRepository holds;
    private final DecisionService decisions;
    private final DecisionJson json;
    private final ActiveRuleSet rules;
    private final Clock clock;
    private final Duration countsMaxAge;
    private final Map<WorklistFilter, CachedCounts> counts = lru();
    private final Map<String, List<String>> hints = lru();

    public WorklistService(HoldRepository holds, DecisionService decisions, DecisionJson json, ActiveRuleSet rules,
                           Clock clock, HoldsConfig config) {
        this.holds = holds;
        this.decisions = decisions;
        this.json = json;
        this.rules = rules;
        this.clock = clock;
        this.countsMaxAge = config.countsMaxAge();
    }

    private static <K, V> Map<K, V> lru() {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_CACHED;
            }
        });
    }

    public Worklist page(WorklistFilter filter, HoldRepository.Sort sort, boolean descending, int page, int size,
                         boolean withHints) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<HoldRepository.WorklistRow> stored = holds.page(filter, sort, descending, page * size, size);
        CompiledRuleSet active = rules.current();
        Map<UUID, OrderFacts> facts = withHints ? factsWithoutHints(stored, active) : Map.of();
        List<Worklist.Row> rows = stored.stream().map(r -> new Worklist.Row(r.orderId(), r.id().toString(), r.status(),
                r.outcome(), r.customerId(), r.customerName(), r.segment(), r.region(), r.riskClass(), r.salesRep(),
                r.amount(), r.exposure(), r.creditLimit(), r.amountOverLimit(), r.openedAt(),
                Math.round(Duration.between(r.openedAt(), now).toMinutes() / 144.0) / 10.0, rules(r.holdingRules()),
                json.reasons(r.reasons()), withHints ? hints(r.decisionId(), active, facts) : List.of(), r.assignedTo(),
                r.followUpDate(), r.readyToRelease(), r.readyNote(), r.firstApprover(), r.rehold(),
                r.decisionId().toString())).toList();
        CachedCounts counted = counts(filter, now);
        return new Worklist(counted.total(), page, size, sort.name() + (descending ? ",desc" : ",asc"), rows,
                counted.byRule(), counted.byAge(), counted.at());
    }

    /** The smallest changes the active rules would approve the decision's order with (the order page's hint). */
    public List<String> approvalHints(UUID decisionId) {
        CompiledRuleSet active = rules.current();
        Map<UUID, OrderFacts> facts = hints.containsKey(hintKey(decisionId, active)) ? Map.of()
                : decisions.factsOf(List.of(decisionId));
        return hints(decisionId, active, facts);
    }

    /** The stored facts of the page's decisions whose hints are not known yet for the active version. */
    private Map<UUID, OrderFacts> factsWithoutHints(List<HoldRepository.WorklistRow> stored, CompiledRuleSet active) {
        List<UUID> missing = stored.stream().map(HoldRepository.WorklistRow::decisionId)
                .filter(id -> !hints.containsKey(hintKey(id, active))).distinct().toList();
        return missing.isEmpty() ? Map.of() : decisions.factsOf(missing);
    }

    private List<String> hints(UUID decisionId, CompiledRuleSet active, Map<UUID, OrderFacts> facts) {
        String key = hintKey(decisionId, active);
        List<String> known = hints.get(key);
        if (known != null) {
            return known;
        }
        OrderFacts held = facts.get(decisionId);
        if (held == null) {
            return List.of();
        }
        List<String> computed = ApprovalHints.of(active, held);
        hints.put(key, computed);
        return computed;
    }

    private static String hintKey(UUID decisionId, CompiledRuleSet active) {
        return active.version() + ':' + decisionId;
    }

    private CachedCounts counts(WorklistFilter filter, OffsetDateTime now) {
        CachedCounts cached = counts.get(filter);
        if (cached != null && cached.at().plus(countsMaxAge).isAfter(now)) {
            return cached;
        }
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byAge = new LinkedHashMap<>();
        HoldRepository.AGE_BANDS.forEach(band -> byAge.put(band, 0L));
        long total = 0;
        for (HoldRepository.CountRow count : holds.counts(filter, now)) {
            total += count.count();
            byAge.merge("0-1d", count.upToOneDay(), Long::sum);
            byAge.merge("1-3d", count.oneToThreeDays(), Long::sum);
            byAge.merge("3-7d", count.threeToSevenDays(), Long::sum);
            byAge.merge("over 7d", count.overSevenDays(), Long::sum);
            for (String rule : rules(count.holdingRules())) {
                byRule.merge(rule, count.count(), Long::sum);
            }
        }
        CachedCounts fresh = new CachedCounts(now, total, Map.copyOf(byRule), java.util.Collections.unmodifiableMap(byAge));
        if (!countsMaxAge.isZero()) {
            counts.put(filter, fresh);
        }
        return fresh;
    }

    static List<String> rules(String holdingRules) {
        return HoldWriter.splitHoldingRules(holdingRules);
    }
}
