package io.salesrisk.engine.drools;

import io.salesrisk.facts.RuleAware;
import io.salesrisk.facts.RuleRef;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records which rules fire, in order, tells the result fact which rule is about to write to it, and stops the run
 * between firings once it is past its deadline.
 */
final class FiringRecorder extends DefaultAgendaEventListener {

    /** Thrown between firings once the run is past its deadline; the run reports it as timed out. */
    static final class TimeBudgetExceeded extends RuntimeException {
        TimeBudgetExceeded() {
            super("time budget exceeded", null, false, false);
        }
    }

    private final Map<String, RuleRef> refs;
    private final RuleAware result;
    private final long deadline;
    private final List<String> fired = new ArrayList<>();

    FiringRecorder(Map<String, RuleRef> refs, RuleAware result, long deadline) {
        this.refs = refs;
        this.result = result;
        this.deadline = deadline;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        if (System.nanoTime() > deadline) {
            throw new TimeBudgetExceeded();
        }
        String name = event.getMatch().getRule().getName();
        fired.add(name);
        if (result != null) {
            result.enterRule(refs.getOrDefault(name, RuleRef.system(name, name)));
        }
    }

    List<String> fired() {
        return List.copyOf(fired);
    }

    String current() {
        return fired.isEmpty() ? "(none)" : fired.get(fired.size() - 1);
    }
}
