package io.salesrisk.engine;

import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ordercheck.OrderEvaluation;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.reevaluation.assessment.AssessmentPolicy;
import io.salesrisk.reevaluation.assessment.CustomerAssessment;
import io.salesrisk.reevaluation.assessment.CustomerAssessor;
import io.salesrisk.testsupport.BusyThreads;
import io.salesrisk.testsupport.ProfileScenario;
import io.salesrisk.testsupport.OrderScenario;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    private static final String SLOW_CONSEQUENCE = """
            package io.salesrisk.rules;
            import io.salesrisk.facts.*;
            rule "NeverFinishes"
            when
                check: OrderCheck()
            then
                // no loop the rule policy would see: one call that takes minutes
                java.math.BigInteger huge = java.math.BigInteger.TEN.pow(50_000_000);
                check.info("" + huge.bitLength());
            end
            """;

    @Test
    void shouldStopAConsequenceThatDoesNotReturnWithinTheTimeBudgetAndReview() throws Exception {
        try (DroolsRuleEngine engine = new DroolsRuleEngine(500, Duration.ofMillis(200), Runnable::run)) {
            CompiledRuleSet rules = engine.compile(drl(SLOW_CONSEQUENCE));
            long start = System.nanoTime();

            OrderEvaluation evaluation = OrderEvaluator.evaluate(rules, new OrderScenario().facts());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(evaluation.run().timedOut()).isTrue();
            assertThat(evaluation.decision().getOutcome().name()).isEqualTo("REVIEW");
            assertThat(evaluation.decision().getReasons()).singleElement().satisfies(reason -> {
                assertThat(reason.rule()).isEqualTo("TimeBudgetExceeded");
                assertThat(reason.message()).contains("rule NeverFinishes ran longer than the time budget of 200 ms");
            });
            assertThat(BusyThreads.computingBigPowers()).as("no thread keeps computing the stopped rule").isEmpty();
            // the rule set stays usable: the next run is stopped the same way, the calling thread is not poisoned
            assertThat(OrderEvaluator.evaluate(rules, new OrderScenario().facts()).run().timedOut()).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void shouldStopBetweenFiringsWhenManyQuickFiringsExceedTheBudget() throws Exception {
        try (DroolsRuleEngine engine = new DroolsRuleEngine(1_000_000, Duration.ofMillis(200), Runnable::run)) {
            CompiledRuleSet rules = engine.compile(drl("""
                    package io.salesrisk.rules;
                    import io.salesrisk.facts.*;
                    rule "SlowlyCounting"
                    when
                        $o: Order(paymentTermsDays >= 0)
                    then
                        java.math.BigInteger.TEN.pow(20_000);
                        modify($o) { setPaymentTermsDays($o.getPaymentTermsDays() + 1) };
                    end
                    """));

            RuleRun run = OrderEvaluator.evaluate(rules, new OrderScenario().facts()).run();

            assertThat(run.timedOut()).isTrue();
            assertThat(run.stoppedAtLimit()).isFalse();
            assertThat(run.failure()).contains("SlowlyCounting").contains("time budget");
        }
    }

    @Test
    void shouldLeaveFastRulesAloneUnderABudget() throws Exception {
        try (DroolsRuleEngine engine = new DroolsRuleEngine(500, Duration.ofMillis(200), Runnable::run)) {
            CompiledRuleSet rules = engine.compile(drl("""
                    package io.salesrisk.rules;
                    import io.salesrisk.facts.*;
                    rule "Quick"
                    when
                        check: OrderCheck(order.amount > 0)
                    then
                        check.review("quick");
                    end
                    """));

            for (int i = 0; i < 1_000; i++) {
                RuleRun run = OrderEvaluator.evaluate(rules, new OrderScenario().facts()).run();
                assertThat(run.completed()).isTrue();
                assertThat(run.timedOut()).isFalse();
            }
        }
    }

    @Test
    void shouldReportASlowReevaluationRuleAsTheCustomersFailureWithinTheBudget() throws Exception {
        try (DroolsRuleEngine engine = new DroolsRuleEngine(500, Duration.ofMillis(200), Runnable::run)) {
            CompiledRuleSet rules = engine.compile(drl("""
                    package io.salesrisk.rules;
                    import io.salesrisk.facts.*;
                    rule "SlowScore"
                    when
                        card: Scorecard()
                    then
                        java.math.BigInteger.TEN.pow(50_000_000);
                    end
                    """));

            CustomerAssessment assessment = CustomerAssessor.assess(rules, ProfileScenario.quietProfile(),
                    new AssessmentPolicy(new java.math.BigDecimal("20"), new java.math.BigDecimal("1000")));

            assertThat(assessment.failed()).isTrue();
            assertThat(assessment.failure()).contains("rule SlowScore ran longer than the time budget of 200 ms");
            assertThat(BusyThreads.computingBigPowers()).isEmpty();
        }
    }
}
