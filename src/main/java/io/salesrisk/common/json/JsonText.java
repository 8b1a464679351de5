package io.salesrisk.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/** JSON columns written and read with the application's object mapper. */
@ApplicationScoped
public class JsonText {

    private final ObjectMapper mapper;

    public JsonText(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value instanceof Collection<?> c ? List.copyOf(c) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " must serialise to JSON", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses stored JSON into plain maps and lists, to return it as it was stored. */
    public Object tree(String json) {
        return json == null ? null : read(json, Object.class);
    }
}
