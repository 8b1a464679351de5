package io.salesrisk.facts;

import java.util.Map;

/**
 * Fills message placeholders for result facts: {@code {root.field}} from the named facts, anything else from the
 * firing table row's column labels.
 */
final class Placeholders {

    private Placeholders() {
    }

    static String render(String template, Map<String, Object> roots, RuleRef rule) {
        return MessageTemplate.render(template, name -> resolve(name, roots, rule));
    }

    static Object resolve(String name, Map<String, Object> roots, RuleRef rule) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            Object root = roots.get(name.substring(0, dot));
            if (root != null) {
                return FactProperties.read(root, name.substring(dot + 1));
            }
        }
        return MessageTemplate.rowValue(rule, name);
    }
}
