package org.district.cities;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a city's module settings against the Metatype definitions in the module jars, with the
 * rules the running platform applies when an admin changes them (type, minimum and maximum,
 * options, how many values, required), but on the JSON types as written: a whole number must be
 * a JSON number, not text holding one. A setting the running module would refuse fails the build,
 * not the city's first start.
 */
final class SettingsCheck {

    private SettingsCheck() {
    }

    /**
     * The settings by PID, as written; faults go to {@code faults}.
     *
     * @param settings the profile's {@code settings} object
     * @param modules the modules the city ships
     */
    static Map<String, CitySettings> check(ObjectNode settings, Collection<String> modules, ModuleCatalog catalog, Consumer<String> faults) {
        Map<String, CitySettings> checked = new LinkedHashMap<>();
        settings.properties().forEach(entry -> {
            String pid = entry.getKey();
            Optional<ModuleJar> owner = catalog.designating(pid);
            if (owner.isEmpty()) {
                faults.accept("settings '" + pid + "': no module designates this configuration (" + designated(modules, catalog) + ")");
            } else if (!modules.contains(owner.get().id())) {
                faults.accept("settings '" + pid + "': belong to module '" + owner.get().id() + "', which the city does not include");
            } else if (!entry.getValue().isObject()) {
                faults.accept("settings '" + pid + "' must be an object of settings and their values, not " + entry.getValue());
            } else {
                ConfigurationDefinition definition = owner.get().configurations().stream()
                        .filter(c -> c.pid().equals(pid)).findFirst().orElseThrow();
                ObjectNode values = (ObjectNode) entry.getValue();
                List<String> found = checkValues(values, definition, owner.get().id());
                found.forEach(faults);
                if (found.isEmpty()) {
                    checked.put(pid, new CitySettings(owner.get().id(), values));
                }
            }
        });
        return checked;
    }

    /** What the city's modules do designate, for a PID none does. */
    private static String designated(Collection<String> modules, ModuleCatalog catalog) {
        List<String> pids = new ArrayList<>();
        for (String module : modules) {
            catalog.module(module).ifPresent(m -> m.configurations().forEach(c -> pids.add(c.pid())));
        }
        return pids.isEmpty() ? "the city's modules designate none" : "the city's modules designate: " + String.join(", ", pids);
    }

    /** The faults of the values, one line each. */
    private static List<String> checkValues(ObjectNode values, ConfigurationDefinition definition, String module) {
        List<String> found = new ArrayList<>();
        values.properties().forEach(entry -> {
            String name = "setting '" + definition.pid() + "/" + entry.getKey() + "' of module '" + module + "'";
            Optional<SettingDefinition> setting = definition.setting(entry.getKey());
            Optional<String> fault = setting.isEmpty()
                    ? Optional.of(": no such setting (it has: " + String.join(", ", definition.settingIds()) + ")")
                    : value(setting.get(), entry.getValue());
            fault.ifPresent(text -> found.add(name + text));
        });
        return found;
    }

    /** What is wrong with a value, as the rest of a sentence that starts with the setting's name. */
    private static Optional<String> value(SettingDefinition setting, JsonNode value) {
        int cardinality = setting.cardinality();
        if (value.isNull()) {
            return Optional.of(" must have a value (leave it out to keep its default)");
        }
        if (value.isObject()) {
            return Optional.of(" must be a plain value" + (cardinality == 0 ? "" : " or a list of them") + ", not an object");
        }
        if (value.isArray() && cardinality == 0) {
            return Optional.of(" takes one value, not a list");
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        if (items.size() > Math.abs(cardinality) && cardinality != 0) {
            return Optional.of(" takes at most " + Math.abs(cardinality) + " values, not " + items.size());
        }
        if (items.isEmpty() && setting.required()) {
            return Optional.of(" needs at least one value (it is required)");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Optional<String> fault = item.isContainerNode() || item.isNull()
                    ? Optional.of("must be a plain value, not " + item)
                    : one(setting, item);
            if (fault.isPresent()) {
                return Optional.of((value.isArray() ? ", value " + (i + 1) + " of " + items.size() + ", " : " ") + fault.get());
            }
        }
        return Optional.empty();
    }

    /** Checks one plain value: type, then options, then range. */
    private static Optional<String> one(SettingDefinition setting, JsonNode item) {
        Optional<String> fault = type(setting.type(), item);
        if (fault.isPresent()) {
            return fault;
        }
        if (item.isTextual() && item.textValue().isEmpty() && setting.required() && setting.cardinality() == 0) {
            return Optional.of("must not be empty (it is required)");
        }
        String text = item.asText();
        if (!setting.options().isEmpty() && !setting.options().contains(text)) {
            return Optional.of("is " + item + ", not one of its options: " + String.join(", ", setting.options()));
        }
        if (item.isNumber()) {
            return range(item.decimalValue(), item.toString(), setting, "");
        }
        if (isText(setting.type())) {
            // For text, Metatype's minimum and maximum are lengths.
            int length = text.codePointCount(0, text.length());
            return range(BigDecimal.valueOf(length), length + " characters long", setting, " length");
        }
        return Optional.empty();
    }

    private static boolean isText(String type) {
        return type.equals("String") || type.equals("Password");
    }

    private static Optional<String> type(String type, JsonNode item) {
        switch (type) {
            case "Integer":
                return whole(item, 32);
            case "Long":
                return whole(item, 64);
            case "Short":
                return whole(item, 16);
            case "Byte":
                return whole(item, 8);
            case "Double":
            case "Float":
                return item.isNumber() ? Optional.empty() : Optional.of("must be a number, not " + item);
            case "Boolean":
                return item.isBoolean() ? Optional.empty() : Optional.of("must be true or false, not " + item);
            case "Char":
            case "Character":
                return item.isTextual() && item.textValue().codePointCount(0, item.textValue().length()) == 1
                        ? Optional.empty() : Optional.of("must be a single character, not " + item);
            default:
                return item.isTextual() ? Optional.empty() : Optional.of("must be text, not " + item);
        }
    }

    private static Optional<String> whole(JsonNode item, int bits) {
        if (!item.isIntegralNumber()) {
            return Optional.of("must be a whole number, not " + item);
        }
        BigInteger value = item.bigIntegerValue();
        if (value.bitLength() > bits - 1) {
            return Optional.of("must be a whole number of " + bits + " bits, not " + item);
        }
        return Optional.empty();
    }

    /** Minimum and maximum, when the definition states them as numbers. */
    private static Optional<String> range(BigDecimal value, String shown, SettingDefinition setting, String limit) {
        Optional<BigDecimal> min = number(setting.min());
        Optional<BigDecimal> max = number(setting.max());
        if (min.isPresent() && value.compareTo(min.get()) < 0) {
            return Optional.of("is " + shown + ", below its minimum" + limit + " " + setting.min());
        }
        if (max.isPresent() && value.compareTo(max.get()) > 0) {
            return Optional.of("is " + shown + ", above its maximum" + limit + " " + setting.max());
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
