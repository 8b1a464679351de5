package io.salesrisk.engine.drools;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleDescriptor;
import io.salesrisk.engine.RuleRun;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.facts.RuleAware;
import io.salesrisk.facts.RuleRef;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled Drools rule base with a pool of reusable sessions. Immutable after construction; each run takes a
 * session from the pool, inserts the facts, fires at most {@code maxFirings} rules and returns the session.
 */
final class DroolsRuleSet implements CompiledRuleSet {

    private final RuleSources sources;
    private final String version;
    private final KieBase knowledgeBase;
    private final KieSessionsPool sessions;
    private final Map<String, RuleRef> refs;
    private final List<RuleDescriptor> rules;
    private final List<CompileMessage> warnings;
    private final int maxFirings;
    private final RunWatchdog watchdog;
    private final List<DecisionTableWorkbook> tables;

    DroolsRuleSet(RuleSources sources, KieBase knowledgeBase, Map<String, RuleRef> refs, List<CompileMessage> warnings,
                  int maxFirings, RunWatchdog watchdog, List<DecisionTableWorkbook> tables) {
        this.watchdog = watchdog;
        this.tables = List.copyOf(tables);
        this.sources = sources;
        this.version = sources.contentHash().substring(0, 12);
        this.knowledgeBase = knowledgeBase;
        this.sessions = knowledgeBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
        this.warnings = List.copyOf(warnings);
        this.maxFirings = maxFirings;
        Map<String, RuleRef> known = new HashMap<>();
        List<RuleDescriptor> descriptors = new ArrayList<>();
        for (KiePackage kiePackage : knowledgeBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleRef ref = refs.getOrDefault(rule.getName(), RuleRef.system(rule.getName(), kiePackage.getName()));
                known.put(rule.getName(), ref);
                descriptors.add(new RuleDescriptor(ref));
            }
        }
        descriptors.sort(Comparator.comparing((RuleDescriptor d) -> d.ref().file() == null ? "" : d.ref().file())
                .thenComparing(d -> d.ref().sheet() == null ? "" : d.ref().sheet())
                .thenComparingInt(d -> d.ref().row()));
        this.refs = Map.copyOf(known);
        this.rules = List.copyOf(descriptors);
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public RuleSources sources() {
        return sources;
    }

    @Override
    public List<RuleDescriptor> rules() {
        return rules;
    }

    @Override
    public List<DecisionTableWorkbook> tables() {
        return tables;
    }

    @Override
    public List<CompileMessage> warnings() {
        return warnings;
    }

    /** The Drools rule base, for benchmarks that compare with a bare Drools session on the same rules. */
    KieBase knowledgeBase() {
        return knowledgeBase;
    }

    @Override
    public RuleRun run(Collection<?> facts, RuleAware result) {
        long start = System.nanoTime();
        RunWatchdog.Run guard = watchdog.start();
        FiringRecorder recorder = new FiringRecorder(refs, result, guard.deadline);
        KieSession session = null;
        boolean reusable = false;
        try {
            try {
                session = sessions.newKieSession();
                session.addEventListener(recorder);
                for (Object fact : facts) {
                    session.insert(fact);
                }
                int fired = session.fireAllRules(maxFirings);
                if (!guard.finish()) {
                    guard.absorbStop();
                    return timedOut(recorder, start);
                }
                session.removeEventListener(recorder);
                reusable = true;
                return new RuleRun(recorder.fired(), fired >= maxFirings, null, System.nanoTime() - start);
            } catch (RuntimeException e) {
                boolean stopped = !guard.finish();
                if (stopped) {
                    guard.absorbStop();
                }
                if (stopped || causedBy(e, FiringRecorder.TimeBudgetExceeded.class) || causedBy(e, ThreadDeath.class)) {
                    return timedOut(recorder, start);
                }
                String failure = "rule " + recorder.current() + " failed: " + rootMessage(e);
                return new RuleRun(recorder.fired(), false, failure, System.nanoTime() - start);
            }
        } catch (ThreadDeath stopped) {
            // the watchdog stopped a consequence that did not return within the budget
            guard.absorbStop();
            return timedOut(recorder, start);
        } finally {
            watchdog.end(guard);
            if (session != null) {
                if (reusable) {
                    session.dispose();
                } else {
                    session.destroy();
                }
            }
        }
    }

    private RuleRun timedOut(FiringRecorder recorder, long start) {
        long took = System.nanoTime() - start;
        String failure = String.format(java.util.Locale.ROOT, "rule %s ran longer than the time budget of %,d ms "
                + "(stopped after %,d ms)", recorder.current(), watchdog.budgetNanos() / 1_000_000, took / 1_000_000);
        return new RuleRun(recorder.fired(), false, failure, took, true);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
