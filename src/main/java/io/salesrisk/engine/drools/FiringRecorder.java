package io.salesrisk.engine.drools;

import io.salesrisk.facts.RuleAware;
import io.salesrisk.facts.RuleRef;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records which rules fire, in order, and tells the result fact which rule is about to write to it. */
final class FiringRecorder extends DefaultAgendaEventListener {

    private final Map<String, RuleRef> refs;
    private final RuleAware result;
    private final List<String> fired = new ArrayList<>();

    FiringRecorder(Map<String, RuleRef> refs, RuleAware result) {
        this.refs = refs;
        this.result = result;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
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
