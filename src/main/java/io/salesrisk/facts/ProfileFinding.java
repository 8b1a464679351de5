package io.salesrisk.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something a customer rule set, with the rule that set it. The message is rendered when first read, not when the
 * rule fires: a nightly run over a million customers stores only what changed, so most messages are never needed.
 */
public final class ProfileFinding {

    private final String what;
    private final RuleRef rule;
    private final String template;
    private final Map<String, Object> roots;
    private String message;
    /** Set for a finding read back from where it was stored (a Spark job's staged results): already rendered. */
    private final Map<String, Object> renderedValues;

    ProfileFinding(String what, RuleRef rule, String template, Map<String, Object> roots) {
        this.what = what;
        this.rule = rule;
        this.template = template;
        this.roots = roots;
        this.renderedValues = null;
    }

    private ProfileFinding(RuleRef rule, String what, String message, Map<String, Object> values) {
        this.what = what;
        this.rule = rule;
        this.template = null;
        this.roots = Map.of();
        this.message = message;
        this.renderedValues = values;
    }

    /**
     * A finding rendered elsewhere (by a Spark executor, with the same rules and facts): its message and values as
     * they were rendered there, so what the service stores from it is what it would have stored itself.
     */
    public static ProfileFinding rendered(String what, String rule, String source, String message, Map<String, Object> values) {
        return new ProfileFinding(RuleRef.system(rule, source), what, message, new LinkedHashMap<>(values));
    }

    /** What was set (riskClass, creditLimit, a scorecard factor, a signal type ...). */
    public String what() {
        return what;
    }

    public String rule() {
        return rule.name();
    }

    public String source() {
        return rule.source();
    }

    /** The message with its placeholders filled in. */
    public String message() {
        if (message == null) {
            message = Placeholders.render(template, roots, rule);
        }
        return message;
    }

    /**
     * The values behind the message: every fact field it names ({profile.seasonalDropPercent}) and every cell of the
     * table row that fired (the thresholds), so a stored finding shows what it was measured against.
     */
    public Map<String, Object> values() {
        if (renderedValues != null) {
            return new LinkedHashMap<>(renderedValues);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        MessageTemplate.render(template, name -> {
            Object value = Placeholders.resolve(name, roots, rule);
            if (value != null) {
                values.put(name, value);
            }
            return value;
        });
        rule.rowValues().forEach(values::putIfAbsent);
        return values;
    }
}
