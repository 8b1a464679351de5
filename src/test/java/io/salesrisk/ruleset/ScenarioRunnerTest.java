package io.salesrisk.ruleset;

import io.salesrisk.engine.RuleFile;
import io.salesrisk.ruleset.scenario.ScenarioResult;
import io.salesrisk.ruleset.scenario.ScenarioRunner;
import io.salesrisk.testsupport.ShippedRules;
import io.salesrisk.testsupport.WorkbookBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenarios say which row failed and what came out instead. */
class ScenarioRunnerTest {

    private static RuleFile csv(String text) {
        return new RuleFile("decision-tables/scenarios/test.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPassAMatchingScenario() {
        List<ScenarioResult> results = ScenarioRunner.run(ShippedRules.get(), List.of(csv("""
                scenario,risk_class,amount,expected_outcome,expected_rules
                large C order,C,100000.01,REVIEW,MaxOrderValueExceeded
                """)));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.passed()).isTrue();
            assertThat(r.location()).isEqualTo("test.csv, line 2");
        });
    }

    @Test
    void shouldSayWhatCameOutInsteadAtTheFailingRow() {
        List<ScenarioResult> results = ScenarioRunner.run(ShippedRules.get(), List.of(csv("""
                scenario,risk_class,amount,expected_outcome,expected_conditions,expected_rules
                fine,A,100,APPROVE,,
                wrong on purpose,C,100000.01,APPROVE,PREPAYMENT_REQUIRED,CreditLimitExceeded
                """)));

        assertThat(results).hasSize(2);
        assertThat(results.get(1)).satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.location()).isEqualTo("test.csv, line 3");
            assertThat(r.actual()).startsWith("REVIEW").contains("MaxOrderValueExceeded[C]");
            assertThat(r.problems()).containsExactly("outcome REVIEW, expected APPROVE",
                    "conditions [], expected [PREPAYMENT_REQUIRED]", "rule CreditLimitExceeded did not fire");
        });
    }

    @Test
    void shouldReadScenariosFromAWorkbookAndReportUnknownColumns() {
        WorkbookBuilder workbook = new WorkbookBuilder();
        workbook.sheet("Scenarios").cell("A1", "scenario").cell("B1", "risk_class").cell("C1", "colour")
                .cell("D1", "expected_outcome").cell("A2", "odd").cell("B2", "A").cell("C2", "blue").cell("D2", "APPROVE").done();

        List<ScenarioResult> results = ScenarioRunner.run(ShippedRules.get(),
                List.of(new RuleFile("decision-tables/scenarios/x.xlsx", workbook.bytes())));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.location()).isEqualTo("x.xlsx, row 2");
            assertThat(r.problems()).containsExactly("unknown column 'colour'");
        });
    }

    @Test
    void shouldSummariseALoopingRuleInsteadOfListingEveryFiring() throws Exception {
        var rules = new io.salesrisk.engine.drools.DroolsRuleEngine(10_000).compile(new io.salesrisk.engine.RuleSources(List.of(
                new RuleFile("rules/loop.drl", """
                        package io.salesrisk.rules;
                        import io.salesrisk.facts.*;
                        rule "LoopForever"
                        when
                            $o: Order(paymentTermsDays >= 0)
                        then
                            modify($o) { setPaymentTermsDays($o.getPaymentTermsDays() + 1) };
                        end
                        """.getBytes(StandardCharsets.UTF_8)))));

        List<ScenarioResult> results = ScenarioRunner.run(rules, List.of(csv("""
                scenario,risk_class,expected_outcome
                first,A,APPROVE
                second,B,APPROVE
                """)));

        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.actual()).isEqualTo("REVIEW, fired 10,000 rule firings: LoopForever \u00d710,000");
            assertThat(r.problems()).contains("the evaluation stopped at the firing limit after 10,000 rule firings: "
                    + "LoopForever \u00d710,000 (rule LoopForever kept firing)");
        });
        // the stored record stays small: two scenarios, not 20,000 rule names
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(results).length()).isLessThan(2_000);
    }
}
