package io.salesrisk.ruleset.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * How a scenario went against a candidate rule set.
 *
 * @param location file and line (csv) or row (xlsx) of the scenario
 * @param expected what the scenario expects, in words
 * @param actual   what came out: outcome, conditions and the rules that fired (summarised beyond 20)
 * @param problems each difference, empty when passed
 * @param slowRule the rule the time budget stopped, or null (not stored: the problems say it)
 */
public record ScenarioResult(String location, String scenario, boolean passed, String expected, String actual,
                             List<String> problems, @JsonIgnore String slowRule) {

    public ScenarioResult(String location, String scenario, boolean passed, String expected, String actual,
                          List<String> problems) {
        this(location, scenario, passed, expected, actual, problems, null);
    }

    /** Whether the evaluation was stopped because it took longer than the time budget. */
    @JsonIgnore
    public boolean timedOut() {
        return slowRule != null;
    }
}
