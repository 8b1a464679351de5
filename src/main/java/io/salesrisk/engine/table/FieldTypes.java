package io.salesrisk.engine.table;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Java type behind a table's names, so that a cell's value can be written into the DRL the way that type needs
 * (a text quoted, an enum constant qualified) and a wrong value is reported at its cell in the table's own terms
 * ("allowed: APPROVE, REVIEW, REJECT") instead of as a Java compile error.
 */
final class FieldTypes {

    private final List<String> imports;
    // asked once per cell of a table, thousands of times for the same few names: look each one up once (one renderer,
    // one thread)
    private final Map<String, Optional<Class<?>>> typesByName = new HashMap<>();
    private final Map<String, Optional<Class<?>>> fieldTypesByPath = new HashMap<>();

    /** @param imports the workbook's Import entries; the fact types are always known */
    FieldTypes(List<String> imports) {
        this.imports = imports;
    }

    /** The class a simple or qualified name in the rules refers to, if it is known here. */
    Optional<Class<?>> type(String name) {
        return typesByName.computeIfAbsent(name, this::lookUpType);
    }

    private Optional<Class<?>> lookUpType(String name) {
        String simple = name.strip();
        if (simple.isEmpty()) {
            return Optional.empty();
        }
        if (DrlRenderer.FACT_TYPES.contains(simple)) {
            return load("io.salesrisk.facts." + simple);
        }
        for (String imported : imports) {
            if (imported.equals(simple) || imported.endsWith("." + simple)) {
                return load(imported);
            }
        }
        return simple.contains(".") ? load(simple) : Optional.empty();
    }

    /**
     * The type of a field path ({@code customer.industry}) on a pattern's object type ({@code check: OrderCheck},
     * {@code OrderCheck(...)}), by JavaBean getters; empty when any part of it is not known.
     */
    Optional<Class<?>> fieldType(String objectType, String path) {
        return fieldTypesByPath.computeIfAbsent(objectType + '\u0000' + path, key -> lookUpFieldType(objectType, path));
    }

    private Optional<Class<?>> lookUpFieldType(String objectType, String path) {
        Optional<Class<?>> type = type(TableColumn.patternType(objectType));
        for (String property : path.split("\\.")) {
            if (type.isEmpty()) {
                return type;
            }
            type = property(type.get(), property);
        }
        return type;
    }

    /** The constants of an enum, "A, B, C". */
    static String constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }

    static boolean isConstant(Class<?> enumType, String name) {
        return Arrays.stream(enumType.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(name));
    }

    static boolean isNumber(Class<?> type) {
        return Number.class.isAssignableFrom(type)
                || (type.isPrimitive() && type != boolean.class && type != char.class && type != void.class);
    }

    static boolean isBoolean(Class<?> type) {
        return type == boolean.class || type == Boolean.class;
    }

    static boolean isText(Class<?> type) {
        return type == String.class || type == char.class || type == Character.class;
    }

    private static Optional<Class<?>> property(Class<?> type, String name) {
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
                if (property.getName().equals(name) && property.getPropertyType() != null) {
                    return Optional.of(property.getPropertyType());
                }
            }
        } catch (IntrospectionException e) {
            return Optional.empty();
        }
        for (Method method : type.getMethods()) { // records and other accessors without "get"
            if (method.getName().equals(name) && method.getParameterCount() == 0 && method.getReturnType() != void.class) {
                return Optional.of(method.getReturnType());
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, FieldTypes.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
