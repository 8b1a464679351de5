package io.salesrisk.hold.persistence;

import io.salesrisk.common.Ids;
import io.salesrisk.common.persistence.SqlDialect;
import io.salesrisk.common.persistence.SqlSession;
import io.salesrisk.decision.persistence.EvaluationSideWrites;
import io.salesrisk.decision.persistence.EvaluationWrite;
import io.salesrisk.facts.Outcome;
import io.salesrisk.facts.Reason;
import io.salesrisk.order.persistence.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens, updates and clears holds with the evaluations that cause them, in the decision writer's transaction: an
 * order held by its decision always has its open hold, and an order a later evaluation approves never keeps one.
 * Set-based (JDBC batches on the writer's connection) because it runs inside the group commit of every evaluation
 * (EndpointBenchmark: evaluations per second with and without the holds).
 */
@ApplicationScoped
public class HoldWriter implements EvaluationSideWrites {

    private final String insertHold;
    private final String updateOpenHold;
    private static final String CLOSE_CLEARED = """
            UPDATE holds SET status = 'CLEARED', is_open = FALSE, open_order_id = NULL, closed_at = ?, closed_by = ?,
              resolution_code = ?, updated_at = ? WHERE open_order_id = ?""";
    private static final String ACTION_ON_OPEN_HOLD = """
            INSERT INTO hold_actions (id, hold_id, order_id, action, actor, acted_at, reason_code, comment, details)
            SELECT ?, id, order_id, ?, ?, ?, NULL, ?, ? FROM holds WHERE open_order_id = ?""";
    private final HoldMetrics metrics;
    private final boolean bypass;

    public HoldWriter(SqlDialect dialect, HoldMetrics metrics,
                      @org.eclipse.microprofile.config.inject.ConfigProperty(name = "salesrisk.benchmark.bypass-holds",
                              defaultValue = "false") boolean bypass) {
        this.metrics = metrics;
        this.bypass = bypass; // benchmark only: what the holds cost the evaluation endpoint
        String json = dialect.jsonParameter();
        this.insertHold = """
                INSERT INTO holds (id, order_id, open_order_id, is_open, status, customer_id, customer_name, segment, region,
                  risk_class, sales_rep, decision_id, outcome, holding_rules, reasons, amount, exposure, credit_limit,
                  amount_over_limit, rehold, opened_at, ready_to_release, expiry_handled, updated_at)
                VALUES (?, ?, ?, TRUE, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, %s, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?)""".formatted(json);
        // a changed amount voids a first approval given for the old one
        this.updateOpenHold = """
                UPDATE holds SET status = CASE WHEN amount <> ? THEN 'OPEN' ELSE status END,
                  first_approver = CASE WHEN amount <> ? THEN NULL ELSE first_approver END,
                  first_approved_at = CASE WHEN amount <> ? THEN NULL ELSE first_approved_at END,
                  decision_id = ?, outcome = ?, holding_rules = ?, reasons = %s, amount = ?, exposure = ?, credit_limit = ?,
                  amount_over_limit = ?, risk_class = ?, ready_to_release = FALSE, ready_note = NULL, updated_at = ?
                WHERE open_order_id = ?""".formatted(json);
    }

    /** Longest stored list of holding rules: it is part of the counts index. */
    static final int MAX_HOLDING_RULES_CHARS = 1000;

    /**
     * The rules that held the order: those whose reaction was not an approval, in the order they fired, as far as
     * they fit {@value #MAX_HOLDING_RULES_CHARS} characters (about 30 rule names; the reasons keep them all).
     */
    public static String holdingRules(List<Reason> reasons) {
        Set<String> rules = new LinkedHashSet<>();
        for (Reason reason : reasons) {
            if (reason.outcome() != Outcome.APPROVE) {
                rules.add(reason.rule());
            }
        }
        StringBuilder text = new StringBuilder("|");
        for (String rule : rules) {
            if (text.length() + rule.length() + 1 > MAX_HOLDING_RULES_CHARS) {
                break;
            }
            text.append(rule).append('|');
        }
        return text.toString();
    }

    /** The rule names of a stored '|RuleA|RuleB|'. */
    public static List<String> splitHoldingRules(String holdingRules) {
        return java.util.Arrays.stream(holdingRules.split("\\|")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void write(SqlSession session, List<EvaluationWrite> writes) {
        if (bypass) {
            return;
        }
        List<EvaluationWrite> held = new ArrayList<>();
        List<EvaluationWrite> cleared = new ArrayList<>();
        for (EvaluationWrite write : writes) {
            boolean isHeld = !Outcome.APPROVE.name().equals(write.decision().outcome());
            if (isHeld) {
                held.add(write);
            } else if (write.previousStatus() != null && write.previousStatus().held()) {
                cleared.add(write);
            }
        }
        if (!held.isEmpty()) {
            writeHeld(session, held);
        }
        if (!cleared.isEmpty()) {
            session.batch(ACTION_ON_OPEN_HOLD, cleared, (s, w) -> s.set(Ids.timeOrdered(), "CLEARED", actor(w),
                    w.decision().evaluatedAt(), comment(w), "approved by decision " + w.decision().id()
                            + (w.cause() == null ? "" : " (" + w.cause().action().toLowerCase() + ")"), w.order().id()));
            session.batch(CLOSE_CLEARED, cleared, (s, w) -> s.set(w.decision().evaluatedAt(), actor(w),
                    w.cause() == null ? "APPROVED_ON_EVALUATION" : "APPROVED_ON_" + w.cause().action(),
                    w.decision().evaluatedAt(), w.order().id()));
            cleared.forEach(w -> metrics.closed(HoldStatus.CLEARED));
        }
    }

    private void writeHeld(SqlSession session, List<EvaluationWrite> held) {
        List<EvaluationWrite> existing = held.stream().filter(EvaluationWrite::orderExisted).toList();
        int[] updated = session.batch(updateOpenHold, existing, (s, w) -> {
            var amount = w.order().amount();
            s.set(amount, amount, amount, w.decision().id(), w.decision().outcome(), holdingRules(w.reasons()),
                    w.decision().reasonsJson(), amount, w.facts().exposure().getTotalExposure(),
                    w.facts().exposure().getCreditLimit(), w.facts().exposure().getProjectedOverLimit(),
                    w.facts().customer().getRiskClass(), w.decision().evaluatedAt(), w.order().id());
        });
        List<EvaluationWrite> inserts = new ArrayList<>();
        List<EvaluationWrite> rechecked = new ArrayList<>();
        for (int i = 0; i < existing.size(); i++) {
            (updated[i] == 0 ? inserts : rechecked).add(existing.get(i));
        }
        held.stream().filter(w -> !w.orderExisted()).forEach(inserts::add);
        session.batch(insertHold, inserts, (s, w) -> {
            var customer = w.facts().customer();
            s.set(Ids.timeOrdered(), w.order().id(), w.order().id(), customer.getId(), customer.getName(),
                    customer.getSegment(), customer.getRegion(), customer.getRiskClass(), w.order().salesRep(),
                    w.decision().id(), w.decision().outcome(), holdingRules(w.reasons()), w.decision().reasonsJson(),
                    w.order().amount(), w.facts().exposure().getTotalExposure(), w.facts().exposure().getCreditLimit(),
                    w.facts().exposure().getProjectedOverLimit(), w.previousStatus() == OrderStatus.RELEASED,
                    w.decision().evaluatedAt(), w.decision().evaluatedAt());
        });
        inserts.forEach(w -> metrics.opened(w.decision().outcome(), w.previousStatus() == OrderStatus.RELEASED));
        // an officer's recheck or a change: recorded on the hold it kept open ("still") or opened ("held")
        record Caused(EvaluationWrite write, String verb) {
        }
        List<Caused> caused = new ArrayList<>();
        rechecked.stream().filter(w -> w.cause() != null).forEach(w -> caused.add(new Caused(w, "still ")));
        inserts.stream().filter(w -> w.cause() != null).forEach(w -> caused.add(new Caused(w, "held: ")));
        session.batch(ACTION_ON_OPEN_HOLD, caused, (s, c) -> s.set(Ids.timeOrdered(), c.write().cause().action(),
                actor(c.write()), c.write().decision().evaluatedAt(), c.write().cause().comment(), c.verb()
                        + c.write().decision().outcome() + " by decision " + c.write().decision().id() + ": "
                        + String.join(", ", splitHoldingRules(holdingRules(c.write().reasons()))), c.write().order().id()));
    }

    private static String actor(EvaluationWrite write) {
        return write.cause() == null ? write.decision().evaluatedBy() : write.cause().actor();
    }

    private static String comment(EvaluationWrite write) {
        return write.cause() == null ? null : write.cause().comment();
    }
}
