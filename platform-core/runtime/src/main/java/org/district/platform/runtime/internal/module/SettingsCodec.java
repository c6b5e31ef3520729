package org.district.platform.runtime.internal.module;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.Vector;
import java.util.function.Function;

import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A configuration's properties as JSON text for the database, keeping each value's Java type (a
 * setting of type Integer must come back an Integer on every node): each key holds
 * {@code {"kind": "one" | "array" | "list", "type": "Integer", "values": ["5"]}}.
 */
final class SettingsCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry("String", text -> text), Map.entry("Integer", Integer::valueOf), Map.entry("int", Integer::valueOf),
            Map.entry("Long", Long::valueOf), Map.entry("long", Long::valueOf), Map.entry("Short", Short::valueOf),
            Map.entry("short", Short::valueOf), Map.entry("Byte", Byte::valueOf), Map.entry("byte", Byte::valueOf),
            Map.entry("Double", Double::valueOf), Map.entry("double", Double::valueOf), Map.entry("Float", Float::valueOf),
            Map.entry("float", Float::valueOf), Map.entry("Boolean", Boolean::valueOf), Map.entry("boolean", Boolean::valueOf),
            Map.entry("Character", text -> text.charAt(0)), Map.entry("char", text -> text.charAt(0)));
    private static final Map<String, Class<?>> CLASSES = Map.ofEntries(
            Map.entry("String", String.class), Map.entry("Integer", Integer.class), Map.entry("int", int.class),
            Map.entry("Long", Long.class), Map.entry("long", long.class), Map.entry("Short", Short.class), Map.entry("short", short.class),
            Map.entry("Byte", Byte.class), Map.entry("byte", byte.class), Map.entry("Double", Double.class), Map.entry("double", double.class),
            Map.entry("Float", Float.class), Map.entry("float", float.class), Map.entry("Boolean", Boolean.class),
            Map.entry("boolean", boolean.class), Map.entry("Character", Character.class), Map.entry("char", char.class));

    private record Value(String kind, String type, List<String> values) {
    }

    private SettingsCodec() {
    }

    static String encode(Map<String, Object> properties) {
        Map<String, Value> encoded = new TreeMap<>();
        properties.forEach((key, value) -> encoded.put(key, value(value)));
        try {
            return JSON.writeValueAsString(encoded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write settings as JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> decode(String text) {
        Map<String, Value> encoded;
        try {
            encoded = JSON.readValue(text, new TypeReference<Map<String, Value>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read settings from JSON: " + e.getMessage(), e);
        }
        Map<String, Object> properties = new TreeMap<>();
        encoded.forEach((key, value) -> properties.put(key, object(value)));
        return properties;
    }

    /** Keys ConfigAdmin sets itself: never settings, never written back. */
    static final Set<String> MANAGED_KEYS = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    /** The properties of a configuration, without those ConfigAdmin sets itself. */
    static Map<String, Object> properties(Dictionary<String, Object> dictionary) {
        Map<String, Object> properties = new TreeMap<>();
        if (dictionary != null) {
            for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                if (!MANAGED_KEYS.contains(key)) {
                    properties.put(key, dictionary.get(key));
                }
            }
        }
        return properties;
    }

    static Hashtable<String, Object> dictionary(Map<String, Object> properties) {
        return new Hashtable<>(properties);
    }

    /** Equal as settings: arrays by their elements, lists by theirs. */
    static boolean same(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (String key : a.keySet()) {
            Object x = a.get(key);
            Object y = b.get(key);
            if (x instanceof Collection<?> cx && y instanceof Collection<?> cy) {
                if (!new ArrayList<>(cx).equals(new ArrayList<>(cy))) {
                    return false;
                }
            } else if (!Objects.deepEquals(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static Value value(Object value) {
        if (value instanceof Collection<?> list) {
            List<String> texts = new ArrayList<>();
            String type = "String";
            for (Object item : list) {
                texts.add(String.valueOf(item));
                type = item.getClass().getSimpleName();
            }
            return new Value("list", type, texts);
        }
        if (value.getClass().isArray()) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                texts.add(String.valueOf(Array.get(value, i)));
            }
            return new Value("array", value.getClass().getComponentType().getSimpleName(), texts);
        }
        return new Value("one", value.getClass().getSimpleName(), List.of(String.valueOf(value)));
    }

    private static Object object(Value value) {
        Function<String, Object> parser = PARSERS.get(value.type());
        if (parser == null) {
            throw new IllegalStateException("a setting of type " + value.type() + " cannot be shared");
        }
        switch (value.kind()) {
            case "list": {
                Vector<Object> list = new Vector<>();
                value.values().forEach(text -> list.add(parser.apply(text)));
                return list;
            }
            case "array": {
                Object array = Array.newInstance(CLASSES.get(value.type()), value.values().size());
                for (int i = 0; i < value.values().size(); i++) {
                    Array.set(array, i, parser.apply(value.values().get(i)));
                }
                return array;
            }
            default:
                return parser.apply(value.values().get(0));
        }
    }
}
