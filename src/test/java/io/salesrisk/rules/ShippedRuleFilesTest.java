package io.salesrisk.rules;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.RuleSources;
import io.salesrisk.engine.drools.DroolsRuleEngine;
import io.salesrisk.ruleset.scenario.ScenarioRunner;
import io.salesrisk.ruleset.service.RuleFolders;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped rule file compiles on its own and together, without warnings. */
class ShippedRuleFilesTest {

    private final RuleSources shipped = RuleFolders.read(Path.of("rules"), Path.of("decision-tables"));

    @Test
    void shouldShipDrlAndDecisionTables() {
        assertThat(shipped.files()).extracting(RuleFile::path)
                .contains("rules/order-checks.drl", "decision-tables/order-credit-checks.xlsx",
                        "decision-tables/scenarios/order-scenarios.csv");
    }

    @Test
    void shouldCompileEveryShippedFileOnItsOwn() throws Exception {
        for (RuleFile file : shipped.ruleFiles()) {
            CompiledRuleSet rules = new DroolsRuleEngine(10_000).compile(new RuleSources(List.of(file)));
            assertThat(rules.rules()).as(file.path()).isNotEmpty();
            assertThat(rules.warnings()).as(file.path()).isEmpty();
        }
    }

    @Test
    void shouldPassEveryShippedScenario() throws Exception {
        CompiledRuleSet rules = new DroolsRuleEngine(10_000).compile(shipped);

        var results = ScenarioRunner.run(rules, shipped.scenarioFiles());

        assertThat(results).hasSizeGreaterThanOrEqualTo(15);
        assertThat(results).allSatisfy(result -> assertThat(result.passed()).as(result.toString()).isTrue());
    }

    @Test
    void shouldCompileTheShippedSetTogether() throws Exception {
        CompiledRuleSet rules = new DroolsRuleEngine(10_000).compile(shipped);

        // 38 order rules, 102 customer re-evaluation rules (scorecard, classes, policy, anomalies, triggers),
        // 6 release-authority and 3 release-tolerance rows, 47 process-KPI bands, 10 signal outcomes
        assertThat(rules.rules()).hasSize(200);
        assertThat(rules.version()).hasSize(12).isEqualTo(shipped.contentHash().substring(0, 12));
        assertThat(rules.rules()).allSatisfy(rule -> assertThat(rule.ref().source()).isNotBlank());
    }
}
