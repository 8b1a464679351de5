package io.salesrisk.facts;

import java.util.Map;

/**
 * Fills message placeholders for result facts: {@code {root.field}} from the named facts, anything else from the
 * firing table row's column labels. A row cell may itself name fact fields (a note "DSO {reading.value} days"):
 * those are filled too, one level deep (a cell naming another cell stays as written).
 */
final class Placeholders {

    private Placeholders() {
    }

    static String render(String template, Map<String, Object> roots, RuleRef rule) {
        return MessageTemplate.render(template, name -> resolve(name, roots, rule));
    }

    static Object resolve(String name, Map<String, Object> roots, RuleRef rule) {
        Object field = field(name, roots);
        if (field != null) {
            return field;
        }
        Object cell = MessageTemplate.rowValue(rule, name);
        if (cell instanceof String text && text.indexOf('{') >= 0) {
            return MessageTemplate.render(text, inner -> field(inner, roots));
        }
        return cell;
    }

    /** {@code root.field} of a named fact, or null. */
    private static Object field(String name, Map<String, Object> roots) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            Object root = roots.get(name.substring(0, dot));
            if (root != null) {
                return FactProperties.read(root, name.substring(dot + 1));
            }
        }
        return null;
    }
}
