package io.salesrisk.facts;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything one order evaluation sees, in one fact: the customer, the order, the exposure, the payment
 * behaviour and the decision being built. Decision tables match on it ({@code check: OrderCheck}) so a row can
 * test fields of several facts without joins, and react with {@code check.block/review/require(...)}.
 *
 * <p>Messages may contain placeholders that are filled when the rule fires: a fact field such as
 * {@code {order.amount}} or {@code {exposure.projectedOverLimit}}, or the label of a column of the table row that
 * fired, such as {@code {Max order value}}.
 */
public class OrderCheck {

    private final Customer customer;
    private final Order order;
    private final CreditExposure exposure;
    private final PaymentBehaviour payment;
    private final Decision decision;

    public OrderCheck(Customer customer, Order order, CreditExposure exposure, PaymentBehaviour payment, Decision decision) {
        this.customer = customer;
        this.order = order;
        this.exposure = exposure;
        this.payment = payment;
        this.decision = decision;
    }

    public Customer getCustomer() { return customer; }
    public Order getOrder() { return order; }
    public CreditExposure getExposure() { return exposure; }
    public PaymentBehaviour getPayment() { return payment; }
    public Decision getDecision() { return decision; }

    /** Blocks the order with a message (placeholders allowed). */
    public void block(String message) {
        react(Outcome.BLOCK, message);
    }

    /** Sends the order to review with a message (placeholders allowed). */
    public void review(String message) {
        react(Outcome.REVIEW, message);
    }

    /** Reacts with the given outcome; the reaction usually comes from a table cell (BLOCK, REVIEW, APPROVE). */
    public void react(Outcome reaction, String message) {
        decision.add(reaction, null, render(message));
    }

    /** Approves only under a condition such as PREPAYMENT_REQUIRED. */
    public void require(String condition, String message) {
        decision.add(Outcome.APPROVE, condition, render(message));
    }

    /**
     * Checks this order against the customer's limit cut by {@code percent} % (a contingency plan's measure) and
     * records why; every exposure figure measured against the limit follows. Rules that cut call {@code update(check)}
     * so the other checks see the cut limit.
     */
    public void cutLimit(BigDecimal percent, String message) {
        exposure.applyLimitCut(percent, customer.getCreditLimit());
        info(message);
    }

    /** Records a finding that does not change the outcome. */
    public void info(String message) {
        decision.add(Outcome.APPROVE, null, render(message));
    }

    /** Fills the placeholders of a message template from the facts and the firing table row. */
    public String render(String template) {
        Map<String, Object> roots = new HashMap<>(8);
        roots.put("customer", customer);
        roots.put("order", order);
        roots.put("exposure", exposure);
        roots.put("payment", payment);
        return Placeholders.render(template, roots, decision.currentRule());
    }
}
