package org.district.plugins.courierstations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The services a station may offer, as the city configured them: codes with Chinese and English names. */
public final class ServiceCatalogue {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** One service of the catalogue. */
    public record Service(String code, String zh, String en) {
    }

    private final Map<String, Service> byCode;

    private ServiceCatalogue(Map<String, Service> byCode) {
        this.byCode = byCode;
    }

    /** Reads entries {@code code|中文名|English name}; a malformed entry or a repeated code is refused. */
    public static ServiceCatalogue parse(String[] entries) {
        Map<String, Service> byCode = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split("\\|", -1);
            String code = parts[0].strip();
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("service catalogue entry '" + entry + "' does not start with a code such as battery_swap");
            }
            if (byCode.containsKey(code)) {
                throw new IllegalArgumentException("service code " + code + " appears twice in the catalogue");
            }
            String zh = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : code;
            String en = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : code;
            byCode.put(code, new Service(code, zh, en));
        }
        return new ServiceCatalogue(byCode);
    }

    /** A service by its code or either of its names. */
    public Optional<Service> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        Service byItsCode = byCode.get(wanted.toLowerCase(java.util.Locale.ROOT));
        if (byItsCode != null) {
            return Optional.of(byItsCode);
        }
        return byCode.values().stream().filter(s -> s.zh().equals(wanted) || s.en().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The Chinese name of a code, or the code itself once the city dropped it from the catalogue. */
    public String name(String code) {
        Service service = byCode.get(code);
        return service == null ? code : service.zh();
    }

    public List<Service> services() {
        return new ArrayList<>(byCode.values());
    }

    public String codes() {
        return String.join(", ", byCode.keySet());
    }
}
