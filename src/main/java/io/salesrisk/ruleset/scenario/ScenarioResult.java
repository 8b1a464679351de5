package io.salesrisk.ruleset.scenario;

import java.util.List;

/**
 * How a scenario went against a candidate rule set.
 *
 * @param location file and line (csv) or row (xlsx) of the scenario
 * @param expected what the scenario expects, in words
 * @param actual   what came out: outcome, conditions and the rules that fired
 * @param problems each difference, empty when passed
 */
public record ScenarioResult(String location, String scenario, boolean passed, String expected, String actual,
                             List<String> problems) {
}
