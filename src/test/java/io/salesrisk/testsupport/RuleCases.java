package io.salesrisk.testsupport;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule-case file (rule,fires,given) checked against the shipped rules it covers. */
public final class RuleCases {

    private RuleCases() {
    }

    /**
     * Asserts that every shipped rule from the given files has a case that fires it and one that does not.
     *
     * @return the names of those rules
     */
    public static List<String> assertEveryRuleHasAFiringAndASilentCase(Path cases, Set<String> ruleFiles) throws IOException {
        Set<String> firing = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (String line : Files.readAllLines(cases)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // a rule name with a comma ("CreditPolicy[A, SMB]") is quoted, as in any CSV
            String rule = line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.substring(0, line.indexOf(','));
            String rest = line.substring(line.startsWith("\"") ? line.indexOf('"', 1) + 2 : line.indexOf(',') + 1);
            (rest.startsWith("yes") ? firing : silent).add(rule);
        }
        CompiledRuleSet rules = ShippedRules.get();
        List<String> names = rules.rules().stream().filter(rule -> ruleFiles.contains(rule.ref().file()))
                .map(RuleDescriptor::name).toList();
        assertThat(firing).as("rules with a firing case in %s", cases).containsAll(names);
        assertThat(silent).as("rules with a silent case in %s", cases).containsAll(names);
        return names;
    }
}
