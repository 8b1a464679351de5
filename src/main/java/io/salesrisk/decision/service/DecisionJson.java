package io.salesrisk.decision.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesrisk.evaluation.service.OrderFacts;
import io.salesrisk.facts.Reason;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/** JSON for the decision columns: the fact snapshot, reasons, conditions and fired rules. */
@ApplicationScoped
public class DecisionJson {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final ObjectMapper mapper;

    public DecisionJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value instanceof Collection<?> c ? List.copyOf(c) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision data must serialise to JSON", e);
        }
    }

    public OrderFacts facts(String json) {
        return read(json, OrderFacts.class);
    }

    public List<Reason> reasons(String json) {
        try {
            return mapper.readValue(json, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons are not readable", e);
        }
    }

    public List<String> strings(String json) {
        try {
            return mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not readable", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }
}
