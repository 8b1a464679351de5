package io.salesrisk.ruleset.scenario;

import java.util.List;
import java.util.Map;

/**
 * One business test case: given facts, the expected outcome and, optionally, expected conditions, rules and message.
 *
 * @param expectedConditions conditions that must be exactly these, or null when the file does not say
 * @param expectedRules      rules (or whole tables, by table name) that must fire
 * @param expectedMessage    text some reason message must contain, or null
 */
public record Scenario(String file, int row, String name, Map<String, String> given, String expectedOutcome,
                       List<String> expectedConditions, List<String> expectedRules, String expectedMessage) {

    /** Where the scenario is written, e.g. {@code order-scenarios.csv, line 4}. */
    public String location() {
        return file + (file.endsWith(".csv") ? ", line " : ", row ") + row;
    }
}
