package io.salesrisk.rules;

import io.salesrisk.engine.RuleRun;
import io.salesrisk.facts.Assessment;
import io.salesrisk.facts.CustomerProfile;
import io.salesrisk.facts.ProfileFinding;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import io.salesrisk.reevaluation.assessment.CustomerAssessor;
import io.salesrisk.testsupport.ProfileScenario;
import io.salesrisk.testsupport.RuleCases;
import io.salesrisk.testsupport.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped re-evaluation rule (scorecard bands, risk classes, credit policy, anomaly thresholds, contingency
 * triggers) fires at its boundary and not just past it; and the assessment puts the phases together.
 */
class CustomerProfileRulesTest {

    private static final Path CASES = Path.of("src/test/resources/rule-cases/customer-profile.csv");
    private static final Set<String> PROFILE_FILES = Set.of("customer-scorecard.xlsx",
            "anomaly-thresholds.xlsx", "contingency-triggers.xlsx");
    private static final AssessmentPolicy POLICY = new AssessmentPolicy(new BigDecimal("20"), new BigDecimal("1000"));

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvFileSource(files = "src/test/resources/rule-cases/customer-profile.csv")
    void shouldFireExactlyWithinItsBand(String rule, String fires, String given) {
        // when
        RuleRun run = new ProfileScenario().given(given).run(ShippedRules.get());
        // then
        assertThat(run.failure()).isNull();
        if (fires.equals("yes")) {
            assertThat(run.firedRules()).as("rules fired for %s", given).contains(rule);
        } else {
            assertThat(run.firedRules()).as("rules fired for %s", given).doesNotContain(rule);
        }
    }

    @Test
    void shouldHaveAFiringAndASilentCaseForEveryShippedProfileRule() throws IOException {
        List<String> names = RuleCases.assertEveryRuleHasAFiringAndASilentCase(CASES, PROFILE_FILES);
        assertThat(names).hasSizeGreaterThan(90);
    }

    @Test
    void shouldScoreClassifyAndLimitAStrongCustomer() {
        // given: 12 years, rating A, all paid on time, low DSO and utilization, growing
        CustomerProfile profile = ProfileScenario.quietProfile();
        profile.setOnTimePercent(new BigDecimal("100"));
        profile.setDsoDays(new BigDecimal("20"));
        profile.setUtilizationPercent(new BigDecimal("40"));
        profile.setSalesTrendPercent(new BigDecimal("12"));
        // when
        CustomerAssessment a = CustomerAssessor.assess(ShippedRules.get(), profile, POLICY);
        // then: 15 + 17 + 20 + 10 + 10 + 15 + 10 = 97 -> A; SMB class A: 35 % of 600,000 = 210,000, capped at 300,000
        assertThat(a.failure()).isNull();
        assertThat(a.score()).isEqualTo(97);
        assertThat(a.classAfter()).isEqualTo("A");
        assertThat(a.limitComputed()).isEqualByComparingTo("210000");
        assertThat(a.termsAfter()).isEqualTo(60);
        assertThat(a.prepaymentAfter()).isFalse();
        assertThat(a.points()).hasSize(7);
    }

    @Test
    void shouldAssessANewAccountAtClassCAtBestWithTheStarterLimitOfItsSegment() {
        // given: the strong customer's master data, but no sales and nothing invoiced yet (a new account)
        CustomerProfile profile = ProfileScenario.quietProfile();
        profile.setAccountAgeMonths(0);
        profile.setMonthsOfHistory(0);
        profile.setSales12m(BigDecimal.ZERO);
        profile.setSalesPrevious12m(BigDecimal.ZERO);
        profile.setOnTimePercent(new BigDecimal("100"));   // nothing due yet counts as paid on time
        profile.setPreviousCreditLimit(new BigDecimal("20000"));
        // when
        CustomerAssessment a = CustomerAssessor.assess(ShippedRules.get(), profile, POLICY);
        // then: assessed, not failed; the score alone would say A, the new-account row says C at best;
        // 22 % of no sales is 0, the SMB starter limit 20,000 applies (class C cap 180,000)
        assertThat(a.failure()).isNull();
        assertThat(a.score()).isGreaterThanOrEqualTo(80);
        assertThat(a.classAfter()).isEqualTo("C");
        assertThat(a.limitComputed()).isEqualByComparingTo("20000");
        assertThat(a.limitAfter()).isEqualByComparingTo("20000");
        assertThat(a.termsAfter()).isEqualTo(30);
        assertThat(a.reasons()).extracting(ProfileFinding::message).anySatisfy(m -> assertThat(m)
                .startsWith("new account, 0 month(s) of sales history: risk class C at best").contains("do not apply"));
        assertThat(a.reasons()).extracting(ProfileFinding::message)
                .anySatisfy(m -> assertThat(m).contains("a starter limit of 20,000"));

        // six months on, with 6 months of sales: class B at best, still the starter limit while 22-30 % of its sales is less
        profile.setAccountAgeMonths(6);
        profile.setMonthsOfHistory(6);
        profile.setSales12m(new BigDecimal("30000"));
        CustomerAssessment later = CustomerAssessor.assess(ShippedRules.get(), profile, POLICY);
        assertThat(later.classAfter()).isEqualTo("B");
        assertThat(later.limitComputed()).isEqualByComparingTo("20000");

        // a year on, the account is judged on its own sales like any other: no cap, no starter limit
        profile.setAccountAgeMonths(12);
        CustomerAssessment grown = CustomerAssessor.assess(ShippedRules.get(), profile, POLICY);
        assertThat(grown.classAfter()).isEqualTo("A");
        assertThat(grown.limitComputed()).isEqualByComparingTo("10000");   // 35 % of 30,000, rounded down to 1,000
    }

    @Test
    void shouldProposeAnIncreaseAboveTheAutomaticShareAndApplyADecreaseAtOnce() {
        CustomerProfile growing = ProfileScenario.quietProfile();
        growing.setOnTimePercent(new BigDecimal("100"));
        growing.setPreviousCreditLimit(new BigDecimal("175000")); // 210,000 is 20.0 % more: applied
        CustomerAssessment within = CustomerAssessor.assess(ShippedRules.get(), growing, POLICY);
        assertThat(within.limitAfter()).isEqualByComparingTo("210000");
        assertThat(within.limitProposed()).isNull();

        CustomerProfile more = ProfileScenario.quietProfile();
        more.setOnTimePercent(new BigDecimal("100"));
        more.setPreviousCreditLimit(new BigDecimal("174000")); // 20.7 % more: proposed, the old limit stays
        CustomerAssessment proposed = CustomerAssessor.assess(ShippedRules.get(), more, POLICY);
        assertThat(proposed.limitAfter()).isEqualByComparingTo("174000");
        assertThat(proposed.limitProposed()).isEqualByComparingTo("210000");

        CustomerProfile shrinking = ProfileScenario.quietProfile();
        shrinking.setOnTimePercent(new BigDecimal("100"));
        shrinking.setPreviousCreditLimit(new BigDecimal("900000"));
        CustomerAssessment decreased = CustomerAssessor.assess(ShippedRules.get(), shrinking, POLICY);
        assertThat(decreased.limitAfter()).isEqualByComparingTo("210000");
        assertThat(decreased.limitProposed()).isNull();
    }

    @Test
    void shouldRequirePrepaymentAndRaiseADefaultForAWeakCustomerWithOldDebt() {
        CustomerProfile weak = ProfileScenario.quietProfile();
        weak.setYearsInBusiness(1);
        weak.setExternalRating("CCC");
        weak.setOnTimePercent(new BigDecimal("20"));
        weak.setAverageDaysLate(new BigDecimal("75"));
        weak.setDsoDays(new BigDecimal("120"));
        weak.setUtilizationPercent(new BigDecimal("130"));
        weak.setSalesTrendPercent(new BigDecimal("-40"));
        weak.setOverdueOver90(new BigDecimal("5000"));

        CustomerAssessment a = CustomerAssessor.assess(ShippedRules.get(), weak, POLICY);

        assertThat(a.score()).isZero();
        assertThat(a.classAfter()).isEqualTo("E");
        assertThat(a.prepaymentAfter()).isTrue();
        assertThat(a.termsAfter()).isEqualTo(14);
        assertThat(a.risks()).extracting(Assessment.RaisedRisk::riskType).containsExactly("CUSTOMER_DEFAULT");
        assertThat(a.reasons()).anySatisfy(reason -> assertThat(reason.message()).contains("prepayment"));
    }
}
