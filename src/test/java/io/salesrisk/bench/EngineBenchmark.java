package io.salesrisk.bench;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.drools.DroolsBaseline;
import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.facts.Decision;
import io.salesrisk.facts.OrderCheck;
import io.salesrisk.ruleset.service.RuleFolders;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * In-process evaluations per second of the shipped rule set, through salesrisk's engine and through a bare Drools
 * stateless session on the same rule base, over 1,000 realistic orders. Bounded in time (about a minute).
 * Run: {@code ./mvnw -Pbench verify} (or see the README).
 */
public final class EngineBenchmark {

    private static final long WARMUP_SECONDS = Long.getLong("bench.warmup", 8);
    private static final long MEASURE_SECONDS = Long.getLong("bench.seconds", 8);

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        CompiledRuleSet rules = new DroolsRuleEngine(10_000).compile(RuleFolders.read(Path.of("rules"), Path.of("decision-tables")));
        List<OrderFacts> orders = BenchFacts.generate(1000, 7);
        printMix(rules, orders);

        Consumer<OrderFacts> engine = facts -> OrderEvaluator.evaluate(rules, facts);
        Consumer<List<Object>> bare = DroolsBaseline.statelessSession(rules);
        Consumer<OrderFacts> bareDrools = facts -> {
            Decision decision = new Decision();
            bare.accept(List.of(new OrderCheck(facts.customer(), facts.order(), facts.exposure(), facts.payment(), decision),
                    facts.customer(), facts.order(), facts.exposure(), facts.payment(), decision));
        };

        run("warm-up engine", engine, orders, 1, WARMUP_SECONDS);
        run("warm-up bare Drools", bareDrools, orders, 1, WARMUP_SECONDS);
        double engine1 = run("salesrisk engine, 1 thread", engine, orders, 1, MEASURE_SECONDS);
        double bare1 = run("bare Drools stateless session, 1 thread", bareDrools, orders, 1, MEASURE_SECONDS);
        int cores = Runtime.getRuntime().availableProcessors();
        double engineN = run("salesrisk engine, " + cores + " threads", engine, orders, cores, MEASURE_SECONDS);
        double bareN = run("bare Drools stateless session, " + cores + " threads", bareDrools, orders, cores, MEASURE_SECONDS);

        System.out.printf(Locale.ROOT, "%nRESULT engine: %.0f evaluations/s on 1 thread, %.0f on %d threads (%.0f per core)%n",
                engine1, engineN, cores, engineN / cores);
        System.out.printf(Locale.ROOT, "RESULT engine / bare Drools stateless session: %.2fx on 1 thread, %.2fx on %d threads%n",
                engine1 / bare1, engineN / bareN, cores);
    }

    private static void printMix(CompiledRuleSet rules, List<OrderFacts> orders) {
        Map<io.salesrisk.facts.Outcome, Integer> mix = new EnumMap<>(io.salesrisk.facts.Outcome.class);
        long firings = 0;
        for (OrderFacts facts : orders) {
            var evaluation = OrderEvaluator.evaluate(rules, facts);
            mix.merge(evaluation.decision().getOutcome(), 1, Integer::sum);
            firings += evaluation.run().firedRules().size();
        }
        System.out.printf(Locale.ROOT, "rule set %s, %d rules; order mix %s, %.2f rule firings per order%n",
                rules.version(), rules.rules().size(), mix, firings / (double) orders.size());
    }

    private static double run(String label, Consumer<OrderFacts> evaluation, List<OrderFacts> orders, int threads,
                              long seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int offset = t * 97;
            workers[t] = new Thread(() -> {
                int i = offset;
                while (!stop.get()) {
                    evaluation.accept(orders.get(i++ % orders.size()));
                    done.increment();
                }
            });
        }
        long start = System.nanoTime();
        for (Thread worker : workers) {
            worker.start();
        }
        Thread.sleep(seconds * 1000);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double rate = done.sum() / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "%-45s %,12.0f evaluations/s%n", label, rate);
        return rate;
    }
}
