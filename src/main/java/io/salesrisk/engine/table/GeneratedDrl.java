package io.salesrisk.engine.table;

import io.salesrisk.engine.CompileMessage;
import io.salesrisk.facts.RuleRef;

import java.util.List;
import java.util.Map;

/**
 * DRL generated from a decision-table workbook, with the origin of every line so that compiler errors can be
 * reported at the sheet and cell the author typed, never at a generated line number.
 *
 * @param drl      the DRL text
 * @param origins  for each line (index 0 = line 1), the cells it came from
 * @param rules    every generated rule by name, with its row
 * @param messages warnings and errors found while generating
 */
public record GeneratedDrl(String drl, List<LineOrigin> origins, Map<String, RuleRef> rules, List<CompileMessage> messages) {

    /**
     * Where a generated line came from.
     *
     * @param cell     the cell whose value produced the line (a data cell, or a header cell)
     * @param template the code-snippet cell of the column, when the line came from a data cell
     * @param rule     the rule the line belongs to, or null for package-level lines
     */
    public record LineOrigin(SheetCell cell, SheetCell template, String rule) {
    }

    /**
     * The same DRL cut into parts of at most {@code maxRules} rules, each repeating the package header, so large
     * tables can be compiled in parallel. Messages stay with the first part.
     */
    public List<GeneratedDrl> split(int maxRules) {
        String[] lines = drl.split("\n", -1);
        int header = 0;
        while (header < origins.size() && origins.get(header).rule() == null) {
            header++;
        }
        List<GeneratedDrl> parts = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<LineOrigin> partOrigins = new java.util.ArrayList<>();
        Map<String, RuleRef> partRules = new java.util.LinkedHashMap<>();
        String currentRule = null;
        for (int i = header; i < origins.size(); i++) {
            String rule = origins.get(i).rule();
            if (!rule.equals(currentRule)) {
                currentRule = rule;
                if (partRules.size() == maxRules) {
                    parts.add(new GeneratedDrl(text.toString(), List.copyOf(partOrigins), Map.copyOf(partRules),
                            parts.isEmpty() ? messages : List.of()));
                    text.setLength(0);
                    partOrigins.clear();
                    partRules.clear();
                }
                if (partRules.isEmpty()) {
                    for (int h = 0; h < header; h++) {
                        text.append(lines[h]).append('\n');
                        partOrigins.add(origins.get(h));
                    }
                }
                partRules.put(rule, rules.get(rule));
            }
            text.append(lines[i]).append('\n');
            partOrigins.add(origins.get(i));
        }
        if (!partRules.isEmpty() || parts.isEmpty()) {
            parts.add(new GeneratedDrl(text.length() == 0 ? drl : text.toString(),
                    partOrigins.isEmpty() ? origins : List.copyOf(partOrigins),
                    partRules.isEmpty() ? rules : Map.copyOf(partRules), parts.isEmpty() ? messages : List.of()));
        }
        return parts;
    }

    /** The origin of a 1-based line, or null when out of range. */
    public LineOrigin origin(int line) {
        return line >= 1 && line <= origins.size() ? origins.get(line - 1) : null;
    }
}
