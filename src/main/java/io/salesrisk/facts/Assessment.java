package io.salesrisk.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result fact of the third phase of a customer assessment, run once the risk class is known
 * ({@code profile.riskClass}): the credit limit policy (a share of the last 12 months' sales, capped), payment
 * terms, prepayment, risk signals from the anomaly rules, and risks a customer-level contingency trigger raises.
 */
public class Assessment extends ProfileRuleResult {

    /** A finding of an anomaly rule. */
    public record Signal(String type, Severity severity, ProfileFinding finding) {
    }

    /** A risk of the contingency register raised for this customer. */
    public record RaisedRisk(String riskType, ProfileFinding finding) {
    }

    private BigDecimal limitSharePercent;
    private BigDecimal limitCap;
    private BigDecimal starterLimit;
    private Integer paymentTermsDays;
    private boolean prepaymentRequired;
    private final List<Signal> signals = new ArrayList<>();
    private final List<RaisedRisk> risks = new ArrayList<>();

    public Assessment(CustomerProfile profile) {
        super(profile);
    }

    /** The limit is this share of the last 12 months' sales (in %). */
    public void limitShare(double percent, String message) {
        this.limitSharePercent = BigDecimal.valueOf(percent);
        record("limitSharePercent", message);
    }

    /** The limit is at most this amount. */
    public void limitCap(double cap, String message) {
        this.limitCap = BigDecimal.valueOf(cap);
        record("limitCap", message);
    }

    /**
     * A new account's limit: the limit is at least this (still at most the cap) while the account is too young for a
     * share of its sales to mean anything.
     */
    public void starterLimit(double amount, String message) {
        this.starterLimit = BigDecimal.valueOf(amount);
        record("starterLimit", message);
    }

    /** Payment terms in days. */
    public void terms(int days, String message) {
        this.paymentTermsDays = days;
        record("paymentTermsDays", message);
    }

    /** Orders of this customer are approved only against prepayment. */
    public void requirePrepayment(String message) {
        this.prepaymentRequired = true;
        record("prepaymentRequired", message);
    }

    /** Records a risk signal. */
    public void signal(String type, Severity severity, String message) {
        signals.add(new Signal(type, severity, record(type, message)));
    }

    /** Raises a risk of the contingency register for this customer; its plan is activated for the customer. */
    public void raise(String riskType, String message) {
        risks.add(new RaisedRisk(riskType, record(riskType, message)));
    }

    public BigDecimal getLimitSharePercent() { return limitSharePercent; }
    public BigDecimal getLimitCap() { return limitCap; }
    public BigDecimal getStarterLimit() { return starterLimit; }
    public Integer getPaymentTermsDays() { return paymentTermsDays; }
    public boolean isPrepaymentRequired() { return prepaymentRequired; }
    public List<Signal> getSignals() { return Collections.unmodifiableList(signals); }
    public List<RaisedRisk> getRisks() { return Collections.unmodifiableList(risks); }
}
