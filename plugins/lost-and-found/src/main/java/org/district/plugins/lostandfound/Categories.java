package org.district.plugins.lostandfound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The kinds of item the city's desks sort by, as configured: {@code code|中文名|English name}. */
public final class Categories {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** One kind of item, with its names in both languages. */
    public record Category(String code, String zh, String en) {
    }

    private final Map<String, Category> byCode;

    private Categories(Map<String, Category> byCode) {
        this.byCode = byCode;
    }

    /** Reads the configured entries; a malformed entry or a repeated code is refused, so the configuration is not taken. */
    public static Categories parse(String[] entries) {
        Map<String, Category> byCode = new LinkedHashMap<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("\\|", -1);
            String code = parts[0].strip();
            if (!CODE.matcher(code).matches() || byCode.containsKey(code)) {
                throw new IllegalArgumentException("category '" + entry + "' needs a code of its own, such as helmet");
            }
            String zh = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : code;
            String en = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : code;
            byCode.put(code, new Category(code, zh, en));
        }
        return new Categories(byCode);
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public List<Category> all() {
        return List.copyOf(byCode.values());
    }

    public String codes() {
        return String.join(", ", byCode.keySet());
    }
}
