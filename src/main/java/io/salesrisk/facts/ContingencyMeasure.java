package io.salesrisk.facts;

import java.math.BigDecimal;
import java.util.List;

/**
 * One action of an active contingency plan that covers the customer of an order (its portfolio, segment, industry
 * or the customer itself), given to the order rules as a fact. The rules decide what it does: the shipped
 * {@code rules/order-checks.drl} cuts the limit ({@code CUT_LIMIT}) and asks for prepayment
 * ({@code REQUIRE_PREPAYMENT}) for the classes the action names.
 *
 * @param plan        plan code, e.g. TIGHTEN_CREDIT
 * @param scope       PORTFOLIO, SEGMENT:&lt;name&gt;, INDUSTRY:&lt;name&gt; or CUSTOMER:&lt;id&gt;
 * @param riskType    the risk of the register that activated the plan
 * @param level       the risk level (LOW, MEDIUM, HIGH, CRITICAL)
 * @param action      CUT_LIMIT or REQUIRE_PREPAYMENT
 * @param percent     for CUT_LIMIT: how much of the limit is cut, in %; else 0
 * @param riskClasses the risk classes the action applies to; empty means every class
 */
public record ContingencyMeasure(String plan, String scope, String riskType, String level, String action,
                                 BigDecimal percent, List<String> riskClasses) {

    public ContingencyMeasure {
        percent = percent == null ? BigDecimal.ZERO : percent;
        riskClasses = riskClasses == null ? List.of() : List.copyOf(riskClasses);
    }

    /** Whether the action applies to a customer of this risk class. */
    public boolean appliesTo(String riskClass) {
        return riskClasses.isEmpty() || riskClasses.contains(riskClass);
    }

    // bean-style getters, so rules can write plan, percent, ... in constraints as for every other fact
    public String getPlan() { return plan; }
    public String getScope() { return scope; }
    public String getRiskType() { return riskType; }
    public String getLevel() { return level; }
    public String getAction() { return action; }
    public BigDecimal getPercent() { return percent; }
    public List<String> getRiskClasses() { return riskClasses; }
}
