package io.salesrisk.ruleset.simulation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.salesrisk.common.problem.InvalidInputException;
import io.salesrisk.decision.persistence.DecisionRepository;
import io.salesrisk.decision.persistence.DecisionRepository.StoredSnapshot;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.Reason;
import io.salesrisk.ordercheck.OrderEvaluation;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.ruleset.service.ActiveRuleSet;
import io.salesrisk.ruleset.service.RuleSetService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays stored decisions through the active rule set and a candidate, reading the fact snapshots in chunks and
 * evaluating each chunk on all cores. Nothing is written: simulation never touches real data.
 */
@ApplicationScoped
public class SimulationService {

    private static final int CHUNK = 2_000;
    /** A chunk is evaluated in this many slices in parallel, one per core. */
    private static final int SLICES = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final DecisionRepository decisions;
    private final ManagedExecutor executor;
    private final RuleSetService ruleSets;
    private final ActiveRuleSet active;
    private final ObjectReader factsReader;
    private final ObjectReader stringsReader;
    private final ObjectReader reasonsReader;
    private final Clock clock;

    public SimulationService(DecisionRepository decisions, ManagedExecutor executor, RuleSetService ruleSets,
                             ActiveRuleSet active, ObjectMapper mapper, Clock clock) {
        this.decisions = decisions;
        this.executor = executor;
        this.ruleSets = ruleSets;
        this.active = active;
        this.factsReader = mapper.readerFor(OrderFacts.class);
        this.stringsReader = mapper.readerFor(new TypeReference<List<String>>() { });
        this.reasonsReader = mapper.readerFor(new TypeReference<List<Reason>>() { });
        this.clock = clock;
    }

    private record Compared(StoredSnapshot stored, SimulationReport.Result baseline, SimulationReport.Result candidate,
                            boolean changed) {
    }

    /** A replayed decision ran out of the time budget: the simulation stops rather than wait on every other one. */
    private static final class SlowRule extends RuntimeException {
        SlowRule(String version, StoredSnapshot stored, OrderEvaluation evaluation) {
            super("version " + version + " is too slow on decision " + stored.id() + " (order " + stored.orderId() + "): "
                    + evaluation.run().failure() + "; the simulation was stopped", null, false, false);
        }
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
        // one thread reads the next chunk from the database while the cores evaluate the current one
        BlockingQueue<List<StoredSnapshot>> chunks = new ArrayBlockingQueue<>(2);
        List<StoredSnapshot> end = List.of();
        OffsetDateTime start0 = request.from().atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end0 = request.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        CompletableFuture<Void> reader = executor.runAsync(() -> {
            try {
                decisions.forEachChunk(start0, end0, CHUNK, chunk -> put(chunks, chunk));
            } finally {
                put(chunks, end);
            }
        });
        List<StoredSnapshot> chunk;
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            while ((chunk = take(chunks)) != end) {
            List<Compared> compared = compareInParallel(chunk, baseline, candidate, stop);
            for (Compared c : compared) {
                totals[0]++;
                asDecided.get(Outcome.valueOf(c.stored().outcome())).incrementAndGet();
                Outcome before = Outcome.valueOf(c.baseline().outcome());
                Outcome after = Outcome.valueOf(c.candidate().outcome());
                baselineCounts.get(before).incrementAndGet();
                candidateCounts.get(after).incrementAndGet();
                transitions.computeIfAbsent(before + "->" + after, k -> new AtomicLong()).incrementAndGet();
                if (c.changed()) {
                    totals[1]++;
                    if (changed.size() < limit) {
                        changed.add(new SimulationReport.ChangedDecision(c.stored().id(), c.stored().orderId(),
                                c.stored().customerId(), c.stored().evaluatedAt(), c.baseline(), c.candidate()));
                    }
                }
            }
            }
        } catch (SlowRule slow) {
            throw InvalidInputException.field("version", slow.getMessage());
        } finally {
            while (!reader.isDone()) {
                chunks.poll(); // let a reader blocked on a full queue finish when evaluation failed
                Thread.onSpinWait();
            }
        }
        reader.join();
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

    /**
     * The candidate's result on the stored facts against the baseline's. A decision the active version took itself
     * is its own baseline (no need to run it again); older decisions are replayed through the active version.
     */
    private Compared compare(StoredSnapshot stored, CompiledRuleSet baseline, CompiledRuleSet candidate) {
        OrderFacts facts;
        try {
            facts = factsReader.readValue(stored.facts());
        } catch (IOException e) {
            throw new IllegalStateException("decision " + stored.id() + " has an unreadable fact snapshot", e);
        }
        SimulationReport.Result after = result(replay(candidate, facts.copy(), stored));
        SimulationReport.Result before = stored.rulesetVersion().equals(baseline.version())
                ? asStored(stored) : result(replay(baseline, facts, stored));
        return new Compared(stored, before, after, !sameResult(before, after));
    }

    private static OrderEvaluation replay(CompiledRuleSet rules, OrderFacts facts, StoredSnapshot stored) {
        OrderEvaluation evaluation = OrderEvaluator.evaluate(rules, facts);
        if (evaluation.run().timedOut()) {
            throw new SlowRule(rules.version(), stored, evaluation);
        }
        return evaluation;
    }

    private SimulationReport.Result asStored(StoredSnapshot stored) {
        try {
            return new SimulationReport.Result(stored.outcome(), stringsReader.readValue(stored.conditions()),
                    reasonsReader.readValue(stored.reasons()));
        } catch (IOException e) {
            throw new IllegalStateException("decision " + stored.id() + " is unreadable", e);
        }
    }

    private static boolean sameResult(SimulationReport.Result a, SimulationReport.Result b) {
        return a.outcome().equals(b.outcome()) && new java.util.HashSet<>(a.conditions()).equals(new java.util.HashSet<>(b.conditions()))
                && a.reasons().stream().map(Reason::rule).sorted().toList()
                .equals(b.reasons().stream().map(Reason::rule).sorted().toList());
    }

    private static SimulationReport.Result result(OrderEvaluation evaluation) {
        Decision decision = evaluation.decision();
        return new SimulationReport.Result(decision.getOutcome().name(), List.copyOf(decision.getConditions()),
                decision.getReasons());
    }

    private static void put(BlockingQueue<List<StoredSnapshot>> queue, List<StoredSnapshot> chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        }
    }

    private static List<StoredSnapshot> take(BlockingQueue<List<StoredSnapshot>> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        }
    }

    /** Evaluates a chunk in one slice per core on the managed executor, keeping the chunk's order. */
    private List<Compared> compareInParallel(List<StoredSnapshot> chunk, CompiledRuleSet baseline, CompiledRuleSet candidate,
                                             java.util.concurrent.atomic.AtomicBoolean stop) {
        int size = (chunk.size() + SLICES - 1) / SLICES;
        List<CompletableFuture<List<Compared>>> slices = new ArrayList<>();
        for (int from = 0; from < chunk.size(); from += size) {
            List<StoredSnapshot> slice = chunk.subList(from, Math.min(chunk.size(), from + size));
            slices.add(executor.supplyAsync(() -> {
                List<Compared> done = new ArrayList<>(slice.size());
                for (StoredSnapshot stored : slice) {
                    if (stop.get()) {
                        break; // another slice met a slow rule: the simulation is being stopped
                    }
                    try {
                        done.add(compare(stored, baseline, candidate));
                    } catch (SlowRule slow) {
                        stop.set(true);
                        throw slow;
                    }
                }
                return done;
            }));
        }
        List<Compared> compared = new ArrayList<>(chunk.size());
        SlowRule slow = null;
        for (CompletableFuture<List<Compared>> slice : slices) {
            try {
                compared.addAll(slice.join());
            } catch (java.util.concurrent.CompletionException e) {
                if (!(e.getCause() instanceof SlowRule rule)) {
                    throw e;
                }
                slow = rule;
            }
        }
        if (slow != null) {
            throw slow;
        }
        return compared;
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
