package io.salesrisk.facts;

/** The result fact of the second phase of a customer assessment: the risk class for the score. */
public class Classification extends ProfileRuleResult {

    private String riskClass;
    private ProfileFinding reason;

    public Classification(CustomerProfile profile) {
        super(profile);
    }

    /** Sets the risk class (A best ... E worst). */
    public void classify(String riskClass, String message) {
        this.riskClass = riskClass;
        this.reason = record("riskClass", message);
    }

    public String getRiskClass() {
        return riskClass;
    }

    /** Why the class was set, or null when no row matched. */
    public ProfileFinding getReason() {
        return reason;
    }
}
