package io.salesrisk.facts;

import java.util.ArrayList;
import java.util.List;

/** The result fact of the second phase of a customer assessment: the risk class for the score. */
public class Classification extends ProfileRuleResult {

    private String riskClass;
    private ProfileFinding reason;
    private String bestClass;
    private ProfileFinding capReason;

    public Classification(CustomerProfile profile) {
        super(profile);
    }

    /** Sets the risk class (A best ... E worst). */
    public void classify(String riskClass, String message) {
        this.riskClass = riskClass;
        this.reason = record("riskClass", message);
    }

    /**
     * The class is at best this one, whatever the score says: a new account's score rests on little evidence (nothing
     * due yet counts as paid on time). Classes compare by name, A best; the stricter of score and cap wins.
     */
    public void atBest(String riskClass, String message) {
        this.bestClass = riskClass;
        this.capReason = record("riskClassCap", message);
    }

    public String getRiskClass() {
        return capped() ? bestClass : riskClass;
    }

    /** Why the class was set: the score's row, then the cap's row when one applied; empty when no row matched. */
    public List<ProfileFinding> getReasons() {
        List<ProfileFinding> reasons = new ArrayList<>();
        if (reason != null) {
            reasons.add(reason);
        }
        if (capReason != null) {
            reasons.add(capReason);
        }
        return reasons;
    }

    private boolean capped() {
        return riskClass != null && bestClass != null && bestClass.compareTo(riskClass) > 0;
    }
}
