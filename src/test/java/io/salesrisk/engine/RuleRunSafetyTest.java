package io.salesrisk.engine;

import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ordercheck.OrderEvaluation;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.testsupport.OrderScenario;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule that loops or fails yields REVIEW with a reason, never a hang or an error; broken DRL names its line. */
class RuleRunSafetyTest {

    private static RuleSources drl(String text) {
        return new RuleSources(List.of(new RuleFile("rules/test.drl", text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void shouldStopALoopingRuleAtTheFiringLimitAndReview() throws Exception {
        CompiledRuleSet rules = new DroolsRuleEngine(500).compile(drl("""
                package io.salesrisk.rules;
                import io.salesrisk.facts.*;
                rule "ForeverModifying"
                when
                    $o: Order(paymentTermsDays >= 0)
                then
                    modify($o) { setPaymentTermsDays($o.getPaymentTermsDays() + 1) };
                end
                """));

        OrderEvaluation evaluation = OrderEvaluator.evaluate(rules, new OrderScenario().facts());

        assertThat(evaluation.run().stoppedAtLimit()).isTrue();
        assertThat(evaluation.run().firedRules()).hasSize(500);
        assertThat(evaluation.decision().getOutcome().name()).isEqualTo("REVIEW");
        assertThat(evaluation.decision().getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo("FiringLimitReached");
            assertThat(reason.message()).contains("ForeverModifying").contains("500 rule firings");
        });
    }

    @Test
    void shouldReviewWhenARuleThrows() throws Exception {
        CompiledRuleSet rules = new DroolsRuleEngine(500).compile(drl("""
                package io.salesrisk.rules;
                import io.salesrisk.facts.*;
                rule "ParsesGarbage"
                when
                    check: OrderCheck()
                then
                    int broken = Integer.parseInt("not a number");
                end
                """));

        OrderEvaluation evaluation = OrderEvaluator.evaluate(rules, new OrderScenario().facts());

        assertThat(evaluation.run().failure()).contains("ParsesGarbage").contains("NumberFormatException");
        assertThat(evaluation.decision().getOutcome().name()).isEqualTo("REVIEW");
        assertThat(evaluation.decision().getReasons()).singleElement()
                .satisfies(reason -> assertThat(reason.rule()).isEqualTo("RuleFailed"));
        // the pool is still usable after a failed run
        assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().facts()).run().failure()).contains("ParsesGarbage");
    }

    @Test
    void shouldNameTheFileAndLineOfADrlError() {
        RuleSources broken = drl("""
                package io.salesrisk.rules;
                import io.salesrisk.facts.*;

                rule "Broken"
                when
                    check: OrderCheck(order.amount >> 5)
                then
                    check.review("x");
                end
                """);

        assertThatThrownBy(() -> new DroolsRuleEngine(500).compile(broken))
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> assertThat(e.messages())
                        .anySatisfy(m -> {
                            assertThat(m.file()).isEqualTo("test.drl");
                            assertThat(m.line()).isEqualTo(6);
                        }));
    }
}
