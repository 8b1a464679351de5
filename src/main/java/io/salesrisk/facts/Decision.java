package io.salesrisk.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result fact that order rules write to. Start state is APPROVE with no reasons; each reaction adds a reason,
 * and the outcome is the strongest reaction seen (BLOCK over REVIEW over APPROVE).
 * Rules never {@code modify} it, so writing to it never re-triggers other rules.
 */
public class Decision implements RuleAware {

    private Outcome outcome = Outcome.APPROVE;
    private final Set<String> conditions = new LinkedHashSet<>();
    private final List<Reason> reasons = new ArrayList<>();
    private RuleRef currentRule = RuleRef.system("unknown", "unknown");

    @Override
    public void enterRule(RuleRef rule) {
        this.currentRule = rule;
    }

    /** The rule whose actions are running now. */
    public RuleRef currentRule() {
        return currentRule;
    }

    /** Stops the order: it cannot be approved until released. */
    public void block(String message) {
        add(Outcome.BLOCK, null, message);
    }

    /** Sends the order to a credit manager's review queue. */
    public void review(String message) {
        add(Outcome.REVIEW, null, message);
    }

    /** Approves only under a condition, such as PREPAYMENT_REQUIRED; does not by itself change the outcome. */
    public void require(String condition, String message) {
        add(Outcome.APPROVE, condition, message);
    }

    /** Records a finding without changing the outcome. */
    public void info(String message) {
        add(Outcome.APPROVE, null, message);
    }

    /** Records a reaction of the current rule. */
    public void add(Outcome reaction, String condition, String message) {
        if (condition != null) {
            conditions.add(condition);
        }
        outcome = outcome.max(reaction);
        reasons.add(new Reason(currentRule.name(), currentRule.source(), reaction,
                Severity.of(reaction, condition), condition, message));
    }

    public Outcome getOutcome() { return outcome; }
    public Set<String> getConditions() { return Collections.unmodifiableSet(conditions); }
    public List<Reason> getReasons() { return Collections.unmodifiableList(reasons); }
}
