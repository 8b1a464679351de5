package io.salesrisk.reevaluation.assessment;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.Assessment;
import io.salesrisk.facts.Classification;
import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.facts.ProfileFinding;
import io.salesrisk.facts.ProfileRuleResult;
import io.salesrisk.facts.Scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Assesses one customer in three rule runs, each with its own result fact so each phase sees only its own rules:
 * the scorecard adds points, the classification maps the score to a class, and the assessment sets the limit policy,
 * terms and prepayment for that class and records anomaly signals and customer-level risks. No database, no
 * Quarkus: the batch, tests and benchmarks share it, and the result depends on the profile and the rules only.
 */
public final class CustomerAssessor {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private CustomerAssessor() {
    }

    public static CustomerAssessment assess(CompiledRuleSet rules, CustomerProfile profile, AssessmentPolicy policy) {
        Scorecard card = new Scorecard(profile);
        String failure = run(rules, card);
        if (failure != null) {
            return CustomerAssessment.failed(profile, failure);
        }
        profile.setScore(card.getScore());

        Classification classification = new Classification(profile);
        failure = run(rules, classification);
        if (failure == null && classification.getRiskClass() == null) {
            failure = "no risk class row matches score " + profile.getScore();
        }
        if (failure != null) {
            return CustomerAssessment.failed(profile, failure);
        }
        profile.setRiskClass(classification.getRiskClass());

        Assessment assessment = new Assessment(profile);
        failure = run(rules, assessment);
        if (failure == null && (assessment.getLimitSharePercent() == null || assessment.getLimitCap() == null)) {
            failure = "no credit policy row gives a limit share and cap for risk class " + profile.getRiskClass()
                    + " in segment " + profile.getSegment();
        }
        if (failure != null) {
            return CustomerAssessment.failed(profile, failure);
        }

        BigDecimal computed = limit(profile.getSales12m(), assessment, policy.limitRounding());
        BigDecimal before = profile.getPreviousCreditLimit();
        BigDecimal applied = computed;
        BigDecimal proposed = null;
        if (computed.compareTo(before) > 0 && !withinAutoIncrease(before, computed, policy.autoIncreasePercent())) {
            applied = before;
            proposed = computed;
        }
        List<ProfileFinding> reasons = new ArrayList<>();
        reasons.addAll(classification.getReasons());
        reasons.addAll(assessment.getFindings().stream()
                .filter(f -> assessment.getSignals().stream().noneMatch(s -> s.finding() == f))
                .filter(f -> assessment.getRisks().stream().noneMatch(r -> r.finding() == f))
                .toList());
        int terms = assessment.getPaymentTermsDays() == null ? profile.getPreviousPaymentTermsDays() : assessment.getPaymentTermsDays();
        return new CustomerAssessment(profile, card.getScore(), card.getPoints(), classification.getRiskClass(),
                computed, applied, proposed, terms, assessment.isPrepaymentRequired(), reasons, assessment.getSignals(),
                assessment.getRisks(), null);
    }

    /**
     * The share of the last 12 months' sales (at least a new account's starter limit), at most the cap, rounded down
     * to the rounding step.
     */
    static BigDecimal limit(BigDecimal sales12m, Assessment assessment, BigDecimal rounding) {
        BigDecimal share = sales12m.multiply(assessment.getLimitSharePercent()).divide(HUNDRED, 2, RoundingMode.DOWN);
        if (assessment.getStarterLimit() != null) {
            share = share.max(assessment.getStarterLimit());
        }
        BigDecimal capped = share.min(assessment.getLimitCap());
        if (rounding.signum() <= 0) {
            return capped.setScale(2, RoundingMode.DOWN);
        }
        return capped.divide(rounding, 0, RoundingMode.DOWN).multiply(rounding).setScale(2, RoundingMode.DOWN);
    }

    private static boolean withinAutoIncrease(BigDecimal before, BigDecimal computed, BigDecimal autoIncreasePercent) {
        if (before.signum() <= 0) {
            return false;
        }
        BigDecimal ceiling = before.multiply(HUNDRED.add(autoIncreasePercent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return computed.compareTo(ceiling) <= 0;
    }

    /** Runs one phase; the failure to record, or null. */
    private static String run(CompiledRuleSet rules, ProfileRuleResult result) {
        RuleRun run = rules.run(List.of(result), result);
        if (run.failure() != null) {
            return run.failure();
        }
        if (run.stoppedAtLimit()) {
            return "assessment stopped after " + run.firedRules().size() + " rule firings; a rule kept firing (a loop?)";
        }
        return null;
    }
}
