package io.salesrisk.rules;

import io.salesrisk.ordercheck.OrderEvaluation;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.testsupport.OrderScenario;
import io.salesrisk.testsupport.RuleCases;
import io.salesrisk.testsupport.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each shipped order rule (every table row and every DRL rule) fires on its case and not just past its boundary. */
class OrderChecksRuleTest {

    private static final Set<String> ORDER_FILES = Set.of("order-checks.drl", "order-credit-checks.xlsx");
    private static final Path CASES = Path.of("src/test/resources/rule-cases/order-checks.csv");

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvFileSource(files = "src/test/resources/rule-cases/order-checks.csv")
    void shouldFireExactlyPastItsThreshold(String rule, String fires, String given) {
        // given
        var facts = new OrderScenario().given(given).facts();
        // when
        OrderEvaluation evaluation = OrderEvaluator.evaluate(ShippedRules.get(), facts);
        // then
        if (fires.equals("yes")) {
            assertThat(evaluation.run().firedRules()).as("rules fired for %s", given).contains(rule);
            assertThat(evaluation.decision().getReasons()).anySatisfy(reason -> {
                assertThat(reason.rule()).isEqualTo(rule);
                assertThat(reason.message()).doesNotContain("?}");
            });
        } else {
            assertThat(evaluation.run().firedRules()).as("rules fired for %s", given).doesNotContain(rule);
        }
    }

    @Test
    void shouldCheckTheLimitAgainstTheCutOfTheActivePlans() {
        // given: class C, limit 100,000, 50,000 open; an order of 40,000.01 fits the limit but not 90 % of it
        var facts = new OrderScenario().given("class=C limit=100000 receivables=50000 amount=40000.01 plans=tighten planCut=10").facts();

        // when
        OrderEvaluation evaluation = OrderEvaluator.evaluate(ShippedRules.get(), facts);

        // then: the plan's rule cut the limit first, and the limit check saw the cut
        assertThat(evaluation.run().firedRules()).containsSequence("ContingencyPlanCutsLimit").contains("CreditLimitExceeded[C]");
        assertThat(evaluation.decision().getOutcome().name()).isEqualTo("BLOCK");
        assertThat(facts.exposure().getCreditLimit()).isEqualByComparingTo("90000.00");
        assertThat(evaluation.decision().getReasons()).anySatisfy(reason -> {
            assertThat(reason.rule()).isEqualTo("ContingencyPlanCutsLimit");
            assertThat(reason.message()).contains("tighten").contains("100,000.00 counts as 90,000.00");
        });
        assertThat(OrderEvaluator.evaluate(ShippedRules.get(),
                new OrderScenario().given("class=C limit=100000 receivables=50000 amount=40000.01").facts())
                .decision().getOutcome().name()).isEqualTo("APPROVE");
    }

    @Test
    void shouldApplyTheDeepestCutOnceWhenSeveralPlansCutAndStartAReplayFromTheCustomersOwnLimit() {
        // given: two plans cut class C by 10 % and 25 %
        var scenario = new OrderScenario().given("class=C limit=100000 receivables=50000 amount=30000").facts();
        var facts = new io.salesrisk.ordercheck.OrderFacts(scenario.customer(), scenario.order(), scenario.exposure(),
                scenario.payment(), List.of(cut("mild", 10), cut("deep", 25)));

        // when
        OrderEvaluation first = OrderEvaluator.evaluate(ShippedRules.get(), facts);
        // a stored snapshot holds the cut exposure: replaying it must cut from the customer's own limit again
        OrderEvaluation replay = OrderEvaluator.evaluate(ShippedRules.get(), facts.copy());

        // then
        assertThat(facts.exposure().getCreditLimit()).isEqualByComparingTo("75000.00");
        assertThat(first.decision().getOutcome().name()).isEqualTo("BLOCK");
        assertThat(replay.decision().getOutcome().name()).isEqualTo("BLOCK");
        assertThat(replay.decision().getReasons()).filteredOn(r -> r.rule().equals("CreditLimitExceeded[C]"))
                .singleElement().satisfies(r -> assertThat(r.message()).contains("by 5,000.00"));
    }

    private static io.salesrisk.facts.ContingencyMeasure cut(String plan, int percent) {
        return new io.salesrisk.facts.ContingencyMeasure(plan, "PORTFOLIO", "CREDIT_DETERIORATION", "HIGH", "CUT_LIMIT",
                java.math.BigDecimal.valueOf(percent), List.of("C", "D"));
    }

    @Test
    void shouldHaveAFiringAndASilentCaseForEveryShippedRule() throws IOException {
        List<String> names = RuleCases.assertEveryRuleHasAFiringAndASilentCase(CASES, ORDER_FILES);
        assertThat(names).hasSize(38);
    }

    @Test
    void shouldApproveACleanOrderWithoutReasons() {
        OrderEvaluation evaluation = OrderEvaluator.evaluate(ShippedRules.get(), new OrderScenario().facts());

        assertThat(evaluation.decision().getOutcome().name()).isEqualTo("APPROVE");
        assertThat(evaluation.decision().getReasons()).isEmpty();
        assertThat(evaluation.run().firedRules()).isEmpty();
    }

    @Test
    void shouldBlockOverLimitSayingByHowMuch() {
        var facts = new OrderScenario().given("class=B limit=600000 receivables=530000 amount=125000").facts();

        OrderEvaluation evaluation = OrderEvaluator.evaluate(ShippedRules.get(), facts);

        assertThat(evaluation.decision().getOutcome().name()).isEqualTo("BLOCK");
        assertThat(evaluation.decision().getReasons()).anySatisfy(reason -> {
            assertThat(reason.rule()).isEqualTo("CreditLimitExceeded[B]");
            assertThat(reason.source()).isEqualTo("order-credit-checks.xlsx, sheet CreditLimit, row 11");
            assertThat(reason.severity().name()).isEqualTo("HIGH");
            assertThat(reason.message()).isEqualTo("exposure 530,000.00 + order 125,000.00 exceeds limit 600,000.00 by 55,000.00");
        });
    }

    @Test
    void shouldLetBlockWinOverReviewAndKeepConditions() {
        var facts = new OrderScenario().given("class=D amount=60000 oldestOverdueDays=20").facts();

        OrderEvaluation evaluation = OrderEvaluator.evaluate(ShippedRules.get(), facts);

        assertThat(evaluation.decision().getOutcome().name()).isEqualTo("BLOCK");
        assertThat(evaluation.decision().getConditions()).containsExactly("PREPAYMENT_REQUIRED");
        assertThat(evaluation.decision().getReasons()).extracting(r -> r.outcome().name())
                .contains("BLOCK", "REVIEW", "APPROVE");
    }

    @Test
    void shouldApproveHighRiskClassOnlyWithPrepayment() {
        OrderEvaluation evaluation = OrderEvaluator.evaluate(ShippedRules.get(), new OrderScenario().given("class=E").facts());

        assertThat(evaluation.decision().getOutcome().name()).isEqualTo("APPROVE");
        assertThat(evaluation.decision().getConditions()).containsExactly("PREPAYMENT_REQUIRED");
        assertThat(evaluation.decision().getReasons()).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("risk class E is approved only against prepayment"));
    }

    @Test
    void shouldShowTheRowThresholdInTheMessage() {
        var facts = new OrderScenario().given("class=C amount=125000").facts();

        OrderEvaluation evaluation = OrderEvaluator.evaluate(ShippedRules.get(), facts);

        assertThat(evaluation.decision().getReasons()).anySatisfy(reason -> assertThat(reason.message())
                .isEqualTo("order 125,000.00 exceeds the maximum order value 100,000 of risk class C"));
    }
}
