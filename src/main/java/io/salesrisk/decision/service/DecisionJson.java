package io.salesrisk.decision.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.salesrisk.common.json.JsonText;
import io.salesrisk.ordercheck.OrderFacts;
import io.salesrisk.facts.Reason;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** JSON for the decision columns: the fact snapshot, reasons, conditions and fired rules. */
@ApplicationScoped
public class DecisionJson {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JsonText json;

    public DecisionJson(JsonText json) {
        this.json = json;
    }

    public String write(Object value) {
        return json.write(value);
    }

    public OrderFacts facts(String text) {
        return json.read(text, OrderFacts.class);
    }

    public List<Reason> reasons(String text) {
        return json.read(text, REASONS);
    }

    public List<String> strings(String text) {
        return json.read(text, STRINGS);
    }
}
