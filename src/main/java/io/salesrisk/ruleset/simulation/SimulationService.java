package io.salesrisk.ruleset.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.evaluation.service.OrderEvaluation;
import io.salesrisk.evaluation.service.OrderEvaluator;
import io.salesrisk.evaluation.service.OrderFacts;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.Reason;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.ruleset.service.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays stored decisions through the active rule set and a candidate, reading the fact snapshots in chunks and
 * evaluating each chunk on all cores. Nothing is written: simulation never touches real data.
 */
@ApplicationScoped
public class SimulationService {

    private static final int CHUNK = 2_000;

    private final AgroalDataSource dataSource;
    private final RuleSetService ruleSets;
    private final ActiveRuleSet active;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SimulationService(AgroalDataSource dataSource, RuleSetService ruleSets, ActiveRuleSet active, ObjectMapper mapper,
                             Clock clock) {
        this.dataSource = dataSource;
        this.ruleSets = ruleSets;
        this.active = active;
        this.mapper = mapper;
        this.clock = clock;
    }

    private record Stored(UUID id, String orderId, String customerId, OffsetDateTime evaluatedAt, String outcome, String facts) {
    }

    private record Compared(Stored stored, OrderEvaluation baseline, OrderEvaluation candidate, boolean changed) {
    }

    public SimulationReport simulate(String version, SimulationRequest request) {
        if (request.to().isBefore(request.from())) {
            throw InvalidInputException.field("to", "to " + request.to() + " is before from " + request.from());
        }
        CompiledRuleSet candidate = ruleSets.compiled(version);
        CompiledRuleSet baseline = active.current();
        int limit = request.limit() == null ? 100 : request.limit();
        long start = System.nanoTime();
        Map<Outcome, AtomicLong> asDecided = counters();
        Map<Outcome, AtomicLong> baselineCounts = counters();
        Map<Outcome, AtomicLong> candidateCounts = counters();
        Map<String, AtomicLong> transitions = new LinkedHashMap<>();
        List<SimulationReport.ChangedDecision> changed = new ArrayList<>();
        long[] totals = new long[2];
        forEachChunk(request.from(), request.to(), chunk -> {
            List<Compared> compared = chunk.parallelStream().map(s -> compare(s, baseline, candidate)).toList();
            for (Compared c : compared) {
                totals[0]++;
                asDecided.get(Outcome.valueOf(c.stored().outcome())).incrementAndGet();
                Outcome before = c.baseline().decision().getOutcome();
                Outcome after = c.candidate().decision().getOutcome();
                baselineCounts.get(before).incrementAndGet();
                candidateCounts.get(after).incrementAndGet();
                transitions.computeIfAbsent(before + "->" + after, k -> new AtomicLong()).incrementAndGet();
                if (c.changed()) {
                    totals[1]++;
                    if (changed.size() < limit) {
                        changed.add(new SimulationReport.ChangedDecision(c.stored().id(), c.stored().orderId(),
                                c.stored().customerId(), c.stored().evaluatedAt(), result(c.baseline()), result(c.candidate())));
                    }
                }
            }
        });
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        Map<String, Map<String, Long>> outcomes = new LinkedHashMap<>();
        outcomes.put("baseline", snapshot(baselineCounts));
        outcomes.put("candidate", snapshot(candidateCounts));
        outcomes.put("asDecided", snapshot(asDecided));
        List<SimulationReport.Transition> moves = transitions.entrySet().stream()
                .map(e -> new SimulationReport.Transition(e.getKey().split("->")[0], e.getKey().split("->")[1], e.getValue().get()))
                .sorted(Comparator.comparing(SimulationReport.Transition::count).reversed())
                .toList();
        return new SimulationReport(candidate.version(), baseline.version(), request.from(), request.to(), totals[0],
                outcomes, moves, totals[1], changed, millis, totals[0] * 1000 / millis);
    }

    private Compared compare(Stored stored, CompiledRuleSet baseline, CompiledRuleSet candidate) {
        OrderFacts facts;
        try {
            facts = mapper.readValue(stored.facts(), OrderFacts.class);
        } catch (IOException e) {
            throw new IllegalStateException("decision " + stored.id() + " has an unreadable fact snapshot", e);
        }
        // each run gets its own copy of the facts: rules may modify them
        OrderEvaluation before = OrderEvaluator.evaluate(baseline, facts);
        OrderEvaluation after = OrderEvaluator.evaluate(candidate, copy(stored.facts()));
        return new Compared(stored, before, after, !sameResult(before.decision(), after.decision()));
    }

    private OrderFacts copy(String json) {
        try {
            return mapper.readValue(json, OrderFacts.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameResult(Decision a, Decision b) {
        return a.getOutcome() == b.getOutcome() && a.getConditions().equals(b.getConditions())
                && a.getReasons().stream().map(Reason::rule).sorted().toList()
                .equals(b.getReasons().stream().map(Reason::rule).sorted().toList());
    }

    private static SimulationReport.Result result(OrderEvaluation evaluation) {
        Decision decision = evaluation.decision();
        return new SimulationReport.Result(decision.getOutcome().name(), List.copyOf(decision.getConditions()),
                decision.getReasons());
    }

    private interface ChunkConsumer {
        void accept(List<Stored> chunk);
    }

    /** Streams the period's decisions in chunks, oldest first, with a server-side cursor. */
    private void forEachChunk(LocalDate from, LocalDate to, ChunkConsumer consumer) {
        OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams rows only inside a transaction
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, order_id, customer_id, evaluated_at, outcome, facts FROM decisions
                    WHERE evaluated_at >= ? AND evaluated_at < ? ORDER BY evaluated_at, id""")) {
                select.setFetchSize(CHUNK);
                select.setObject(1, start);
                select.setObject(2, end);
                try (ResultSet rows = select.executeQuery()) {
                    List<Stored> chunk = new ArrayList<>(CHUNK);
                    while (rows.next()) {
                        chunk.add(new Stored(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                rows.getObject(4, OffsetDateTime.class), rows.getString(5), rows.getString(6)));
                        if (chunk.size() == CHUNK) {
                            consumer.accept(chunk);
                            chunk = new ArrayList<>(CHUNK);
                        }
                    }
                    consumer.accept(chunk);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading past decisions failed", e);
        }
    }

    private static Map<Outcome, AtomicLong> counters() {
        Map<Outcome, AtomicLong> counters = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, new AtomicLong());
        }
        return counters;
    }

    private static Map<String, Long> snapshot(Map<Outcome, AtomicLong> counters) {
        Map<String, Long> values = new LinkedHashMap<>();
        counters.forEach((outcome, count) -> values.put(outcome.name(), count.get()));
        return values;
    }
}
