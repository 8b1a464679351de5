package io.salesrisk.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The result fact of the portfolio-level contingency triggers: the risks of the register that segment, portfolio and
 * market figures raise. The figures facts forward their {@code raise(...)} calls here.
 */
public class RaisedRisks implements RuleAware {

    /**
     * A risk raised.
     *
     * @param scope PORTFOLIO, SEGMENT:&lt;name&gt; or INDUSTRY:&lt;name&gt;
     */
    public record Raised(String riskType, String scope, ProfileFinding finding, Object figures) {
    }

    private final List<Raised> raised = new ArrayList<>();
    private RuleRef currentRule = RuleRef.system("unknown", "unknown");

    @Override
    public void enterRule(RuleRef rule) {
        this.currentRule = rule;
    }

    void raise(String riskType, String scope, String root, Object figures, String message) {
        raised.add(new Raised(riskType, scope, new ProfileFinding(riskType, currentRule, message, Map.of(root, figures)), figures));
    }

    public List<Raised> getRaised() {
        return Collections.unmodifiableList(raised);
    }
}
