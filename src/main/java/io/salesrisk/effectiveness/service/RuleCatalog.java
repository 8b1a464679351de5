package io.salesrisk.effectiveness.service;

import io.salesrisk.engine.CompiledRuleSet;
import io.salesrisk.engine.RuleDescriptor;
import io.salesrisk.engine.table.ColumnKind;
import io.salesrisk.engine.table.DecisionTableWorkbook;
import io.salesrisk.engine.table.RuleTable;
import io.salesrisk.engine.table.TableRow;
import io.salesrisk.ordercheck.OrderFacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of some rule-set versions whose firings are stored, by their stable names: the rows of order tables
 * (their conditions match only order facts, as in the explanation) and the DRL rules (the order checks), which fire
 * in decisions; and the rows of tables whose action raises a risk signal. Other tables (scorecard, triggers, KPIs,
 * release authority) leave no per-rule record and are not listed.
 */
final class RuleCatalog {

    /** A listed rule: kind ORDER or SIGNAL, where it is, and the versions that have it. */
    record Entry(String rule, String kind, String source, List<String> versions) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    void add(CompiledRuleSet ruleSet) {
        Set<String> tableRules = new HashSet<>();
        for (DecisionTableWorkbook workbook : ruleSet.tables()) {
            for (RuleTable table : workbook.tables()) {
                table.rows().forEach(row -> tableRules.add(row.rule()));
                String kind = kind(table);
                if (kind == null) {
                    continue;
                }
                for (TableRow row : table.rows()) {
                    put(row.rule(), kind, workbook.file() + ", sheet " + table.sheet() + ", row " + row.row(),
                            ruleSet.version());
                }
            }
        }
        for (RuleDescriptor rule : ruleSet.rules()) {
            if (!tableRules.contains(rule.name()) && rule.ref().file() != null && rule.ref().file().endsWith(".drl")) {
                put(rule.name(), "ORDER", rule.ref().source(), ruleSet.version());
            }
        }
    }

    private static String kind(RuleTable table) {
        boolean signals = table.columns().stream().anyMatch(c -> c.kind() == ColumnKind.ACTION
                && c.template().text().contains(".signal("));
        if (signals) {
            return "SIGNAL";
        }
        Set<String> types = table.patternTypes();
        return !types.isEmpty() && OrderFacts.RULE_TYPES.containsAll(types) ? "ORDER" : null;
    }

    private void put(String rule, String kind, String source, String version) {
        Entry known = entries.get(rule);
        List<String> versions = new ArrayList<>(known == null ? List.of() : known.versions());
        if (!versions.contains(version)) {
            versions.add(version);
        }
        // the newest version's place wins (versions are added oldest first)
        entries.put(rule, new Entry(rule, known == null ? kind : known.kind(), source, List.copyOf(versions)));
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }
}
