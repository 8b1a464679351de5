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
 */
@ApplicationScoped
public class WorklistService {

    private final HoldRepository holds;
    private final DecisionService decisions;
    private final DecisionJson json;
    private final ActiveRuleSet rules;
    private final Clock clock;

    public WorklistService(HoldRepository holds, DecisionService decisions, DecisionJson json, ActiveRuleSet rules,
                           Clock clock) {
        this.holds = holds;
        this.decisions = decisions;
        this.json = json;
        this.rules = rules;
        this.clock = clock;
    }

    public Worklist page(WorklistFilter filter, HoldRepository.Sort sort, boolean descending, int page, int size,
                         boolean hints) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<HoldRepository.WorklistRow> stored = holds.page(filter, sort, descending, page * size, size);
        Map<UUID, OrderFacts> facts = hints ? decisions.factsOf(stored.stream().map(HoldRepository.WorklistRow::decisionId).toList())
                : Map.of();
        CompiledRuleSet active = rules.current();
        List<Worklist.Row> rows = stored.stream().map(r -> {
            OrderFacts held = facts.get(r.decisionId());
            return new Worklist.Row(r.orderId(), r.id().toString(), r.status(), r.outcome(), r.customerId(),
                    r.customerName(), r.segment(), r.region(), r.riskClass(), r.salesRep(), r.amount(), r.exposure(),
                    r.creditLimit(), r.amountOverLimit(), r.openedAt(),
                    Math.round(Duration.between(r.openedAt(), now).toMinutes() / 144.0) / 10.0, rules(r.holdingRules()),
                    json.reasons(r.reasons()), held == null ? List.of() : ApprovalHints.of(active, held), r.assignedTo(),
                    r.followUpDate(), r.readyToRelease(), r.readyNote(), r.firstApprover(), r.rehold(),
                    r.decisionId().toString());
        }).toList();
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byAge = new LinkedHashMap<>();
        HoldRepository.AGE_BANDS.forEach(band -> byAge.put(band, 0L));
        long total = 0;
        for (HoldRepository.CountRow count : holds.counts(filter, now)) {
            total += count.count();
            byAge.merge(count.ageBand(), count.count(), Long::sum);
            for (String rule : rules(count.holdingRules())) {
                byRule.merge(rule, count.count(), Long::sum);
            }
        }
        return new Worklist(total, page, size, sort.name() + (descending ? ",desc" : ",asc"), rows, byRule, byAge);
    }

    static List<String> rules(String holdingRules) {
        return HoldWriter.splitHoldingRules(holdingRules);
    }
}
