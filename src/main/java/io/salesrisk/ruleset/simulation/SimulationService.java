package io.salesrisk.ruleset.simulation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays stored decisions through the active rule set and a candidate, reading the fact snapshots in chunks and
 * evaluating each chunk on all cores. Nothing is written: simulation never touches real data.
 */
@ApplicationScoped
public class SimulationService {

    private static final int CHUNK = 2_000;
    /** Evaluates on every core; the common pool has one worker fewer than cores and is shared with others. */
    private static final ClassLoader APPLICATION = SimulationService.class.getClassLoader();
    // Drools finds its services through the thread's context class loader: pool threads must carry the application's
    private static final ForkJoinPool EVALUATORS = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("simulation-" + thread.getId());
        thread.setContextClassLoader(APPLICATION);
        return thread;
    }, null, false);
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "simulation-reader");
        thread.setDaemon(true);
        thread.setContextClassLoader(APPLICATION);
        return thread;
    });

    private final AgroalDataSource dataSource;
    private final RuleSetService ruleSets;
    private final ActiveRuleSet active;
    private final ObjectReader factsReader;
    private final ObjectReader stringsReader;
    private final ObjectReader reasonsReader;
    private final Clock clock;

    public SimulationService(AgroalDataSource dataSource, RuleSetService ruleSets, ActiveRuleSet active, ObjectMapper mapper,
                             Clock clock) {
        this.dataSource = dataSource;
        this.ruleSets = ruleSets;
        this.active = active;
        this.factsReader = mapper.readerFor(OrderFacts.class);
        this.stringsReader = mapper.readerFor(new TypeReference<List<String>>() { });
        this.reasonsReader = mapper.readerFor(new TypeReference<List<Reason>>() { });
        this.clock = clock;
    }

    private record Stored(UUID id, String orderId, String customerId, OffsetDateTime evaluatedAt, String outcome,
                          String rulesetVersion, String conditions, String reasons, String facts) {
    }

    private record Compared(Stored stored, SimulationReport.Result baseline, SimulationReport.Result candidate,
                            boolean changed) {
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
        BlockingQueue<List<Stored>> chunks = new ArrayBlockingQueue<>(2);
        List<Stored> end = List.of();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try {
                forEachChunk(request.from(), request.to(), chunk -> put(chunks, chunk));
            } finally {
                put(chunks, end);
            }
        }, READERS);
        List<Stored> chunk;
        try {
            while ((chunk = take(chunks)) != end) {
            List<Stored> current = chunk;
            List<Compared> compared = EVALUATORS.submit(() -> current.parallelStream()
                    .map(s -> compare(s, baseline, candidate)).toList()).join();
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
    private Compared compare(Stored stored, CompiledRuleSet baseline, CompiledRuleSet candidate) {
        OrderFacts facts;
        try {
            facts = factsReader.readValue(stored.facts());
        } catch (IOException e) {
            throw new IllegalStateException("decision " + stored.id() + " has an unreadable fact snapshot", e);
        }
        SimulationReport.Result after = result(OrderEvaluator.evaluate(candidate, facts.copy()));
        SimulationReport.Result before = stored.rulesetVersion().equals(baseline.version())
                ? asStored(stored) : result(OrderEvaluator.evaluate(baseline, facts));
        return new Compared(stored, before, after, !sameResult(before, after));
    }

    private SimulationReport.Result asStored(Stored stored) {
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

    private static void put(BlockingQueue<List<Stored>> queue, List<Stored> chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        }
    }

    private static List<Stored> take(BlockingQueue<List<Stored>> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        }
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
                    SELECT id, order_id, customer_id, evaluated_at, outcome, ruleset_version, conditions, reasons, facts
                    FROM decisions
                    WHERE evaluated_at >= ? AND evaluated_at < ? ORDER BY evaluated_at, id""")) {
                select.setFetchSize(CHUNK);
                select.setObject(1, start);
                select.setObject(2, end);
                try (ResultSet rows = select.executeQuery()) {
                    List<Stored> chunk = new ArrayList<>(CHUNK);
                    while (rows.next()) {
                        chunk.add(new Stored(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                rows.getObject(4, OffsetDateTime.class), rows.getString(5), rows.getString(6),
                                rows.getString(7), rows.getString(8), rows.getString(9)));
                        if (chunk.size() == CHUNK) {
                            consumer.accept(chunk);
                            chunk = new ArrayList<>(CHUNK);
                        }
                    }
                    if (!chunk.isEmpty()) {
                        consumer.accept(chunk);
                    }
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
