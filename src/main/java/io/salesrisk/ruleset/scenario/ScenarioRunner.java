package io.salesrisk.ruleset.scenario;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.ordercheck.OrderEvaluation;
import io.salesrisk.ordercheck.OrderEvaluator;
import io.salesrisk.facts.Reason;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Runs every scenario of a rule set's scenario files against a compiled candidate and says what differed. */
public final class ScenarioRunner {

    /** Scenarios are evaluated as of a fixed day, so a result never depends on when the candidate was checked. */
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    /** Fired rules listed by name in a result; beyond that they are counted. */
    static final int MAX_FIRED_NAMES = 20;

    private ScenarioRunner() {
    }

    public static List<ScenarioResult> run(CompiledRuleSet rules, List<RuleFile> scenarioFiles) {
        List<ScenarioResult> results = new ArrayList<>();
        String timedOut = null;
        for (RuleFile file : scenarioFiles) {
            List<Scenario> scenarios;
            try {
                scenarios = ScenarioReader.read(file);
            } catch (IOException e) {
                results.add(new ScenarioResult(file.fileName(), "(file)", false, "a readable scenario file", e.getMessage(),
                        List.of(file.fileName() + ": " + e.getMessage())));
                continue;
            }
            for (Scenario scenario : scenarios) {
                ScenarioResult result = timedOut != null
                        ? new ScenarioResult(scenario.location(), scenario.name(), false, describe(scenario), "not run",
                                List.of("not run: scenario " + timedOut + " ran longer than the time budget"))
                        : run(rules, scenario);
                if (timedOut == null && result.timedOut()) {
                    // one slow rule makes every scenario slow: the rest are not run, so the upload answers at once
                    timedOut = "'" + scenario.name() + "' (" + scenario.location() + ")";
                }
                results.add(result);
            }
        }
        return results;
    }

    static ScenarioResult run(CompiledRuleSet rules, Scenario scenario) {
        String expected = describe(scenario);
        OrderEvaluation evaluation;
        try {
            evaluation = OrderEvaluator.evaluate(rules, ScenarioFacts.build(scenario.given(), AS_OF));
        } catch (IllegalArgumentException e) {
            return new ScenarioResult(scenario.location(), scenario.name(), false, expected, "not run",
                    List.of(e.getMessage()));
        }
        String outcome = evaluation.decision().getOutcome().name();
        Set<String> conditions = evaluation.decision().getConditions();
        List<String> fired = evaluation.run().firedRules();
        List<String> problems = new ArrayList<>();
        if (evaluation.run().stoppedAtLimit()) {
            problems.add("the evaluation stopped at the firing limit after " + evaluation.run().firingSummary(3)
                    + " (rule " + evaluation.run().lastRule() + " kept firing)");
        } else if (evaluation.run().failure() != null) {
            problems.add("the evaluation did not complete: " + evaluation.run().failure());
        }
        if (!outcome.equalsIgnoreCase(scenario.expectedOutcome())) {
            problems.add("outcome " + outcome + ", expected " + scenario.expectedOutcome().toUpperCase(Locale.ROOT));
        }
        if (scenario.expectedConditions() != null && !new HashSet<>(scenario.expectedConditions()).equals(conditions)) {
            problems.add("conditions " + conditions + ", expected " + scenario.expectedConditions());
        }
        for (String rule : scenario.expectedRules()) {
            // a table's name stands for any of its rows: CreditLimitExceeded matches CreditLimitExceeded[C]
            if (fired.stream().noneMatch(name -> name.equals(rule) || name.startsWith(rule + "["))) {
                problems.add("rule " + rule + " did not fire");
            }
        }
        if (scenario.expectedMessage() != null && evaluation.decision().getReasons().stream().map(Reason::message)
                .noneMatch(message -> message.contains(scenario.expectedMessage()))) {
            problems.add("no reason says '" + scenario.expectedMessage() + "'");
        }
        // a looping rule fires thousands of times: the report keeps a summary, not every name
        String actual = outcome + (conditions.isEmpty() ? "" : " with " + conditions) + ", fired "
                + evaluation.run().firingSummary(MAX_FIRED_NAMES);
        return new ScenarioResult(scenario.location(), scenario.name(), problems.isEmpty(), expected, actual, problems,
                evaluation.run().timedOut() ? evaluation.run().lastRule() : null);
    }

    private static String describe(Scenario scenario) {
        StringBuilder text = new StringBuilder(scenario.expectedOutcome().toUpperCase(Locale.ROOT));
        if (scenario.expectedConditions() != null && !scenario.expectedConditions().isEmpty()) {
            text.append(" with ").append(scenario.expectedConditions());
        }
        if (!scenario.expectedRules().isEmpty()) {
            text.append(", firing ").append(scenario.expectedRules());
        }
        if (scenario.expectedMessage() != null) {
            text.append(", saying '").append(scenario.expectedMessage()).append("'");
        }
        return text.toString();
    }
}
