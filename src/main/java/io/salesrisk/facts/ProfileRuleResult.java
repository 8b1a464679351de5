package io.salesrisk.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The base of the result facts of a customer assessment: knows the customer's profile and which rule is firing,
 * and keeps every finding with that rule. Tables match on the result fact itself ({@code card: Scorecard},
 * {@code assessment: Assessment}) and reach the figures through {@code profile}.
 */
public abstract class ProfileRuleResult implements RuleAware {

    private final CustomerProfile profile;
    private final Map<String, Object> roots;
    private final List<ProfileFinding> findings = new ArrayList<>();
    private RuleRef currentRule = RuleRef.system("unknown", "unknown");

    protected ProfileRuleResult(CustomerProfile profile) {
        this.profile = profile;
        this.roots = Map.of("profile", profile);
    }

    @Override
    public void enterRule(RuleRef rule) {
        this.currentRule = rule;
    }

    /** The customer's figures. */
    public CustomerProfile getProfile() {
        return profile;
    }

    /** Every finding in firing order. */
    public List<ProfileFinding> getFindings() {
        return Collections.unmodifiableList(findings);
    }

    protected ProfileFinding record(String what, String message) {
        ProfileFinding finding = new ProfileFinding(what, currentRule, message, roots);
        findings.add(finding);
        return finding;
    }
}
