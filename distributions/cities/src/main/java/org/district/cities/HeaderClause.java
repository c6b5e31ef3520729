package org.district.cities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi manifest header such as {@code Provide-Capability}: its name (the
 * namespace), attributes and directives. Parsed with the header grammar, not with a pattern,
 * because quoted values hold commas and semicolons ({@code roles:List<String>="coordinator,export"}).
 *
 * @param name the clause's first path, such as {@code district.module}
 * @param attributes by name without the type ({@code version} for {@code version:Version}), unquoted
 * @param directives by name ({@code filter} for {@code filter:=}), unquoted
 */
record HeaderClause(String name, Map<String, String> attributes, Map<String, String> directives) {

    /** The clauses of a header's value; none for a missing header. */
    static List<HeaderClause> parse(String header) {
        List<HeaderClause> clauses = new ArrayList<>();
        if (header == null) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            String name = null;
            for (String part : parts) {
                int equals = part.indexOf('=');
                if (equals < 0) {
                    name = name == null ? part.strip() : name;
                } else if (equals > 0 && part.charAt(equals - 1) == ':') {
                    directives.put(part.substring(0, equals - 1).strip(), unquote(part.substring(equals + 1).strip()));
                } else {
                    String key = part.substring(0, equals).strip();
                    int type = key.indexOf(':');
                    attributes.put(type < 0 ? key : key.substring(0, type).strip(), unquote(part.substring(equals + 1).strip()));
                }
            }
            if (name != null && !name.isEmpty()) {
                clauses.add(new HeaderClause(name, Map.copyOf(attributes), Map.copyOf(directives)));
            }
        }
        return clauses;
    }

    /** Splits at {@code separator} outside double quotes; a backslash escapes the next character inside them. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                part.append(c);
            } else if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder plain = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            plain.append(c == '\\' && i + 1 < value.length() - 1 ? value.charAt(++i) : c);
        }
        return plain.toString();
    }
}
