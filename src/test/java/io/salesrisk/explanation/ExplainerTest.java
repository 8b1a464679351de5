package io.salesrisk.explanation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.explanation.service.Explainer;
import io.salesrisk.explanation.service.Explanation;
import io.salesrisk.ordercheck.OrderEvaluation;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.testsupport.OrderScenario;
import io.salesrisk.testsupport.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An explanation shows as matched exactly the table rows the engine fired for the decision, whatever Java makes of
 * their conditions; where nothing fired it names the nearest miss.
 */
class ExplainerTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvFileSource(files = "src/test/resources/rule-cases/order-checks.csv")
    void shouldShowExactlyTheFiredTableRowsAsMatched(String rule, String fires, String given) throws Exception {
        // given: a decision of the rule-case suite
        CompiledRuleSet rules = ShippedRules.get();
        OrderFacts facts = new OrderScenario().given(given).facts();
        OrderEvaluation evaluation = OrderEvaluator.evaluate(rules, facts.copy());

        // when
        Explanation explanation = explain(rules, facts, evaluation);

        // then
        List<String> matched = explanation.tables().stream().flatMap(t -> t.matched().stream())
                .map(Explanation.RowExplanation::rule).toList();
        List<String> drl = explanation.drlRules().stream().map(Explanation.FiredRule::rule).toList();
        assertThat(concat(matched, drl)).containsExactlyInAnyOrderElementsOf(evaluation.run().firedRules());
        assertThat(explanation.tables()).allSatisfy(table ->
                assertThat(table.matched().isEmpty() || table.nearestMiss() == null).isTrue());
        assertThat(explanation.tables().stream().flatMap(t -> t.matched().stream()))
                .allSatisfy(row -> assertThat(row.conditions()).noneMatch(c -> Boolean.FALSE.equals(c.satisfied())));
    }

    @Test
    void shouldNameTheNearestMissWithTheValuesAgainstTheThreshold() throws Exception {
        // given: a class C order of 90,000 against a maximum order value of 100,000
        CompiledRuleSet rules = ShippedRules.get();
        OrderFacts facts = new OrderScenario().given("class=C amount=90000").facts();
        OrderEvaluation evaluation = OrderEvaluator.evaluate(rules, facts.copy());

        // when
        Explanation explanation = explain(rules, facts, evaluation);

        // then
        Explanation.TableExplanation orderValue = explanation.tables().stream()
                .filter(t -> t.table().equals("MaxOrderValueExceeded")).findFirst().orElseThrow();
        assertThat(orderValue.matched()).isEmpty();
        assertThat(orderValue.nearestMiss().rule()).isEqualTo("MaxOrderValueExceeded[C]");
        assertThat(orderValue.summary()).contains("order.amount 90,000.00 is not > 100,000").contains("10,000.00 short");
        assertThat(orderValue.nearestMiss().link()).contains("/files/decision-tables/order-credit-checks.xlsx#sheet=OrderValue");
        // the amount over the limit stops at 0.00 below the limit: no distance is told rather than a wrong "0.00 short"
        assertThat(explanation.tables().stream().filter(t -> t.table().equals("CreditLimitExceeded")).findFirst()
                .orElseThrow().summary()).contains("exposure.projectedOverLimit 0.00 is not > 0").doesNotContain("short");
    }

    @Test
    void shouldListOnlyTheOrderCheckTablesForAnOrderDecision() throws Exception {
        // given: the shipped rule set holds order checks and the re-evaluation tables (scorecard, anomalies, triggers)
        CompiledRuleSet rules = ShippedRules.get();
        OrderFacts facts = new OrderScenario().given("class=C amount=90000").facts();
        OrderEvaluation evaluation = OrderEvaluator.evaluate(rules, facts.copy());

        // when
        Explanation explanation = explain(rules, facts, evaluation);

        // then
        assertThat(explanation.tables()).extracting(Explanation.TableExplanation::file).containsOnly("order-credit-checks.xlsx");
        assertThat(explanation.tables()).extracting(Explanation.TableExplanation::table)
                .contains("CreditLimitExceeded", "MaxOrderValueExceeded", "PrepaymentRequired")
                .doesNotContain("ScoreDso", "SeasonalDrop", "PortfolioClassDEShare", "CreditPolicy");
    }

    private static Explanation explain(CompiledRuleSet rules, OrderFacts facts, OrderEvaluation evaluation) throws Exception {
        JsonNode tree = JSON.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(JSON.writeValueAsString(facts));
        return Explainer.explain(new Explainer.Subject(UUID.randomUUID(), facts.order().getId(),
                evaluation.decision().getOutcome().name(), evaluation.decision().getReasons(), tree,
                evaluation.run().firedRules()), rules);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
