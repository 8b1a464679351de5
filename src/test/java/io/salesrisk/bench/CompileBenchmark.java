package io.salesrisk.bench;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.drools.DroolsRuleEngine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock time to compile generated decision tables of 1,000 and 10,000 rows: the first compile in a fresh JVM
 * (what the first upload after a restart costs) and the median of three once the compiler code is warm (what a
 * running service costs). Bounded: about a minute.
 */
public final class CompileBenchmark {

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        DroolsRuleEngine engine = new DroolsRuleEngine(10_000);
        RuleSources thousand = sources(1_000);
        double first = seconds(engine, thousand);
        for (int i = 0; i < 4; i++) {
            seconds(engine, thousand);
        }
        double[] warm = {seconds(engine, thousand), seconds(engine, thousand), seconds(engine, thousand)};
        Arrays.sort(warm);
        double tenThousand = seconds(engine, sources(10_000));
        System.out.printf(Locale.ROOT, "RESULT compile: 1,000-row table %.2f s first compile in a fresh JVM, %.2f s warm (median of 3)%n",
                first, warm[1]);
        System.out.printf(Locale.ROOT, "RESULT compile: 10,000-row table %.2f s (warm)%n", tenThousand);
    }

    private static double seconds(DroolsRuleEngine engine, RuleSources sources) throws Exception {
        long start = System.nanoTime();
        CompiledRuleSet compiled = engine.compile(sources);
        if (compiled.rules().isEmpty()) {
            throw new IllegalStateException("nothing compiled");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    public static RuleSources sources(int rows) {
        return new RuleSources(List.of(new RuleFile("decision-tables/generated.xlsx", LargeTables.workbook(rows))));
    }
}
