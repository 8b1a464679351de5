package io.salesrisk.explanation.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleDescriptor;
import io.salesrisk.engine.RuleFile;
import io.salesrisk.engine.table.ColumnKind;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.RuleTable;
import io.salesrisk.engine.table.TableColumn;
import io.salesrisk.engine.table.TableRow;
import io.salesrisk.facts.Reason;
import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.facts.RuleRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Explains one decision with the rule set that took it, without a database: the rows shown as matched are exactly
 * the table rules the engine recorded as fired for that decision; Java only reads each row's conditions against the
 * stored facts, to show the values against the thresholds and, for a table where nothing fired, to find the row that
 * came closest. The tables are the ones parsed when the rule set was compiled.
 */
public final class Explainer {

    /** What is explained: the stored decision. */
    public record Subject(UUID decisionId, String orderId, String outcome, List<Reason> reasons, JsonNode facts,
                          List<String> firedRules) {
    }

    private Explainer() {
    }

    public static Explanation explain(Subject decision, CompiledRuleSet ruleSet) {
        Set<String> fired = new HashSet<>(decision.firedRules());
        Set<String> tableRules = new HashSet<>();
        Map<String, String> paths = new HashMap<>();
        for (RuleFile file : ruleSet.sources().ruleFiles()) {
            paths.put(file.fileName(), file.path());
        }
        List<Explanation.TableExplanation> tables = new ArrayList<>();
        for (DecisionTableWorkbook workbook : ruleSet.tables()) {
            for (RuleTable table : workbook.tables()) {
                table.rows().forEach(row -> tableRules.add(row.rule()));
                if (!OrderFacts.RULE_TYPES.containsAll(table.patternTypes())
                        && table.rows().stream().noneMatch(row -> fired.contains(row.rule()))) {
                    continue; // a re-evaluation table (scorecard, anomalies) cannot apply to an order
                }
                tables.add(table(ruleSet.version(), workbook.file(), paths.getOrDefault(workbook.file(), workbook.file()),
                        table, decision.facts(), fired));
            }
        }
        Map<String, RuleRef> refs = new HashMap<>();
        for (RuleDescriptor rule : ruleSet.rules()) {
            refs.put(rule.name(), rule.ref());
        }
        List<Explanation.FiredRule> drlRules = new ArrayList<>();
        for (String name : decision.firedRules()) {
            if (!tableRules.contains(name)) {
                RuleRef ref = refs.get(name);
                drlRules.add(new Explanation.FiredRule(name, ref == null ? name : ref.source()));
            }
        }
        return new Explanation(decision.decisionId(), decision.orderId(), decision.outcome(), ruleSet.version(),
                decision.reasons(), tables, drlRules);
    }

    private static Explanation.TableExplanation table(String version, String file, String path, RuleTable table,
                                                      JsonNode facts, Set<String> fired) {
        List<Explanation.RowExplanation> matched = new ArrayList<>();
        List<Explanation.RowExplanation> missed = new ArrayList<>();
        for (TableRow row : table.rows()) {
            Explanation.RowExplanation explained = row(version, file, path, table, row, facts);
            (fired.contains(row.rule()) ? matched : missed).add(explained);
        }
        if (!matched.isEmpty()) {
            String rows = String.join(", ", matched.stream().map(r -> String.valueOf(r.row())).toList());
            return new Explanation.TableExplanation(file, table.sheet(), table.name(), matched, null,
                    table.name() + ": row " + rows + " matched: " + matched.get(0).summary());
        }
        Explanation.RowExplanation nearest = missed.stream()
                .filter(r -> r.conditions().stream().noneMatch(c -> c.satisfied() == null))
                .min(Comparator.comparingDouble(Explainer::distance)).orElse(null);
        String summary = nearest == null ? table.name() + ": no row matched"
                : table.name() + ": no row matched; nearest miss row " + nearest.row() + ": " + nearest.summary();
        return new Explanation.TableExplanation(file, table.sheet(), table.name(), List.of(), nearest, summary);
    }

    private static double distance(Explanation.RowExplanation row) {
        return row.conditions().stream().mapToDouble(ConditionEvaluator::distance).sum();
    }

    private static Explanation.RowExplanation row(String version, String file, String path, RuleTable table, TableRow row,
                                                  JsonNode facts) {
        List<Explanation.ConditionCheck> checks = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            TableColumn column = table.columns().get(i);
            if (column.kind() == ColumnKind.CONDITION) {
                Explanation.ConditionCheck check = ConditionEvaluator.check(column, row.cells().get(i), facts);
                if (check != null) {
                    checks.add(check);
                }
            }
        }
        List<String> failed = checks.stream().filter(c -> Boolean.FALSE.equals(c.satisfied()))
                .map(c -> c.text() + ConditionEvaluator.shortBy(c)).toList();
        String summary = failed.isEmpty()
                ? checks.stream().map(Explanation.ConditionCheck::text).reduce((a, b) -> a + "; " + b).orElse("no conditions")
                : String.join("; ", failed);
        String source = file + ", sheet " + table.sheet() + ", row " + row.row();
        String link = "/api/rulesets/" + version + "/files/" + path + "#sheet=" + table.sheet() + "&row=" + row.row();
        return new Explanation.RowExplanation(row.row(), row.rule(), source, link, checks, summary);
    }
}
