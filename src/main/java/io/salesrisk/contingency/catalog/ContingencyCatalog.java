package io.salesrisk.contingency.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The risk register, the risk matrix and the contingency plans of one rule-set version, read from the reference
 * sheets of {@code decision-tables/contingency-triggers.xlsx}.
 */
public record ContingencyCatalog(Map<String, RegisteredRisk> register, RiskLevel[][] matrix, Map<String, Plan> plans) {

    /** An empty catalog: a rule set without a register raises no plans. */
    public static final ContingencyCatalog EMPTY = new ContingencyCatalog(Map.of(), null, Map.of());

    /** A row of the risk register, with the level the matrix gives it. */
    public record RegisteredRisk(String riskType, String description, int likelihood, int impact, RiskLevel level,
                                 String owner, String planCode, String source) {
    }

    /** A plan and its actions. */
    public record Plan(String code, String description, List<PlanAction> actions, String source) {
    }

    public Optional<RegisteredRisk> risk(String riskType) {
        return Optional.ofNullable(register.get(riskType));
    }

    public Optional<Plan> plan(String code) {
        return Optional.ofNullable(plans.get(code));
    }

    /** The level of a likelihood and impact (1-5 each). */
    public RiskLevel level(int likelihood, int impact) {
        return matrix[likelihood - 1][impact - 1];
    }
}
