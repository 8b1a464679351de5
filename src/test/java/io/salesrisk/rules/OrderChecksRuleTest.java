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
