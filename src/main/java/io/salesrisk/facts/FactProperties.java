package io.salesrisk.facts;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a JavaBean property of a fact by name, for message placeholders; getters are looked up once per class. */
final class FactProperties {

    private static final Map<Class<?>, Map<String, Method>> GETTERS = new ConcurrentHashMap<>();

    private FactProperties() {
    }

    static Object read(Object fact, String property) {
        Method getter = GETTERS.computeIfAbsent(fact.getClass(), FactProperties::getters).get(property);
        if (getter == null) {
            return null;
        }
        try {
            return getter.invoke(fact);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static Map<String, Method> getters(Class<?> type) {
        Map<String, Method> getters = new HashMap<>();
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
                if (property.getReadMethod() != null) {
                    getters.put(property.getName(), property.getReadMethod());
                }
            }
        } catch (IntrospectionException e) {
            // a fact without readable properties simply has no placeholders
        }
        return getters;
    }
}
