package org.district.platform.runtime.internal.module;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.rest.Json;
import org.district.platform.runtime.internal.security.CurrentRequest;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A module's settings: the configurations its bundle designates with OSGi Metatype, described for a
 * form, and changed in ConfigAdmin once every value holds to its definition (type, range, options,
 * required, how many values). A change is audited with the values before and after, and kept in
 * the database, which every node of the city follows ({@link SharedSettings}); ConfigAdmin also
 * keeps it in the data folder. The REST API and the shell both change
 * settings here.
 */
@Component(service = ModuleSettings.class)
public class ModuleSettings {

    private static final String HIDDEN = "********";
    /** In the audit trail: the setting had (or has again) no value of its own, so its default applied. */
    private static final String DEFAULT = "(default)";

    @Reference
    private ModuleManager modules;

    @Reference
    private MetaTypeService metaTypes;

    @Reference
    private SharedSettings shared;

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Reference
    private AuditLedger audit;

    /** One choice of a setting with options. */
    public record Option(String value, String label) {
    }

    /**
     * One setting as a form shows it. {@code value} is what is stored (a list for a setting of several
     * values), or null while the default applies; a password's value is never shown.
     */
    public record Setting(String id, String name, String description, String type, int cardinality, boolean required,
            String min, String max, List<Option> options, List<String> defaults, Object value) {
    }

    /** One designated configuration (PID) of a module. */
    public record Settings(String pid, String name, String description, List<Setting> settings) {
    }

    /** Every designated configuration of a module. */
    public record ModuleSettingsView(String module, List<Settings> configurations) {
    }

    /** The module's configurations, their definitions in {@code language} (as Metatype localizes them) and their values. */
    public ModuleSettingsView describe(String module, String language) {
        checkLanguage(language);
        Bundle bundle = bundle(module);
        MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
        List<Settings> configurations = new ArrayList<>();
        if (information != null) {
            for (String pid : new java.util.TreeSet<>(Arrays.asList(information.getPids()))) {
                configurations.add(view(pid, definition(information, pid, language), MetatypeRanges.of(bundle, pid)));
            }
        }
        return new ModuleSettingsView(module, configurations);
    }

    /**
     * Sets the given settings of one of the module's configurations; settings left out keep their
     * values, and a null value goes back to the default. Nothing is written unless every value is
     * valid: otherwise a 400 problem names each setting at fault.
     */
    public Settings change(String module, String pid, Map<String, Object> values, String language) {
        checkLanguage(language);
        Bundle bundle = bundle(module);
        MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
        if (information == null || !Arrays.asList(information.getPids()).contains(pid)) {
            throw Problem.notFound("Module '" + module + "' has no settings '" + pid + "'.");
        }
        if (values == null || values.isEmpty()) {
            throw Problem.invalid("body", "name at least one setting and its value");
        }
        ObjectClassDefinition definition = definition(information, pid, null);
        Map<String, MetatypeRanges.Range> ranges = MetatypeRanges.of(bundle, pid);
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        for (AttributeDefinition attribute : definitions(definition, ObjectClassDefinition.ALL)) {
            attributes.put(attribute.getID(), attribute);
        }
        Set<String> required = new java.util.HashSet<>();
        for (AttributeDefinition attribute : definitions(definition, ObjectClassDefinition.REQUIRED)) {
            required.add(attribute.getID());
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            AttributeDefinition attribute = attributes.get(entry.getKey());
            if (attribute == null) {
                errors.add(new FieldError(entry.getKey(), "is not a setting of " + pid));
                continue;
            }
            Checked checked = check(attribute, ranges.getOrDefault(attribute.getID(), MetatypeRanges.Range.NONE),
                    required.contains(attribute.getID()), entry.getValue());
            if (checked.error() != null) {
                errors.add(new FieldError(attribute.getID(), checked.error()));
            } else {
                accepted.put(attribute.getID(), checked.value());
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        write(module, pid, accepted, attributes);
        return view(pid, definition(information, pid, language), ranges);
    }

    /** A value as ConfigAdmin will store it, or why it cannot be. {@code value} null: back to the default. */
    record Checked(Object value, String error) {
        static Checked refused(String error) {
            return new Checked(null, error);
        }
    }

    /** Checks a value from JSON (a string, number or boolean; a list of them for a setting of several values) against its definition. */
    static Checked check(AttributeDefinition attribute, MetatypeRanges.Range range, boolean required, Object value) {
        int cardinality = attribute.getCardinality();
        if (value == null) {
            return new Checked(null, null);
        }
        List<String> texts = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            if (cardinality == 0 && list.size() != 1) {
                return Checked.refused("takes one value, not a list");
            }
            for (Object item : list) {
                if (item == null || item instanceof Map || item instanceof Collection) {
                    return Checked.refused("must be a list of plain values");
                }
                texts.add(String.valueOf(item));
            }
        } else if (value instanceof Map) {
            return Checked.refused("must be a plain value" + (cardinality == 0 ? "" : " or a list of them"));
        } else {
            texts.add(String.valueOf(value));
        }
        int type = attribute.getType();
        if (cardinality != 0) {
            // One value per entry; blank entries (a form's empty lines) are not values.
            texts.removeIf(t -> t.isBlank() && type != AttributeDefinition.STRING);
            if (required && texts.isEmpty()) {
                return Checked.refused("needs at least one value");
            }
            if (texts.size() > Math.abs(cardinality)) {
                return Checked.refused("takes at most " + Math.abs(cardinality) + " values");
            }
        } else if (texts.get(0).isEmpty() && type != AttributeDefinition.STRING && type != AttributeDefinition.PASSWORD) {
            return required ? Checked.refused("is required") : new Checked(null, null);
        } else if (texts.get(0).isEmpty() && required) {
            return Checked.refused("is required");
        }
        List<Object> converted = new ArrayList<>();
        for (String text : texts) {
            Object one;
            try {
                one = convert(text, type);
            } catch (IllegalArgumentException e) {
                return Checked.refused(e.getMessage());
            }
            String error = limits(attribute, range, text, one);
            if (error == null) {
                error = metatypeVerdict(attribute, text);
            }
            if (error != null) {
                return Checked.refused((texts.size() > 1 ? "'" + text + "' " : "") + error);
            }
            converted.add(one);
        }
        if (cardinality == 0) {
            return new Checked(converted.get(0), null);
        }
        if (cardinality < 0) {
            return new Checked(new java.util.Vector<>(converted), null);
        }
        Object array = Array.newInstance(javaType(type), converted.size());
        for (int i = 0; i < converted.size(); i++) {
            Array.set(array, i, converted.get(i));
        }
        return new Checked(array, null);
    }

    private static Object convert(String text, int type) {
        String trimmed = text.trim();
        try {
            switch (type) {
                case AttributeDefinition.INTEGER:
                    return Integer.valueOf(trimmed);
                case AttributeDefinition.LONG:
                    return Long.valueOf(trimmed);
                case AttributeDefinition.SHORT:
                    return Short.valueOf(trimmed);
                case AttributeDefinition.BYTE:
                    return Byte.valueOf(trimmed);
                case AttributeDefinition.DOUBLE: {
                    double number = Double.parseDouble(trimmed);
                    if (!Double.isFinite(number)) {
                        throw new NumberFormatException();
                    }
                    return number;
                }
                case AttributeDefinition.FLOAT: {
                    float number = Float.parseFloat(trimmed);
                    if (!Float.isFinite(number)) {
                        throw new NumberFormatException();
                    }
                    return number;
                }
                case AttributeDefinition.BOOLEAN:
                    if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
                        return Boolean.valueOf(trimmed);
                    }
                    throw new IllegalArgumentException("must be true or false");
                case AttributeDefinition.CHARACTER:
                    if (text.length() != 1) {
                        throw new IllegalArgumentException("must be a single character");
                    }
                    return text.charAt(0);
                default:
                    return text;
            }
        } catch (NumberFormatException e) {
            boolean whole = type == AttributeDefinition.INTEGER || type == AttributeDefinition.LONG
                    || type == AttributeDefinition.SHORT || type == AttributeDefinition.BYTE;
            throw new IllegalArgumentException(whole ? "must be a whole number" + (trimmed.matches("[+-]?\\d+") ? " of " + bits(type) + " bits" : "")
                    : "must be a number");
        }
    }

    /** The size of a whole-number type, for a value too large for it. */
    private static int bits(int type) {
        switch (type) {
            case AttributeDefinition.LONG:
                return 64;
            case AttributeDefinition.SHORT:
                return 16;
            case AttributeDefinition.BYTE:
                return 8;
            default:
                return 32;
        }
    }

    /** Minimum, maximum and options, with messages that say the limit. For text, min and max are lengths. */
    private static String limits(AttributeDefinition attribute, MetatypeRanges.Range range, String text, Object value) {
        String[] options = attribute.getOptionValues();
        if (options != null && options.length > 0 && !Arrays.asList(options).contains(text)) {
            return "must be one of " + String.join(", ", options);
        }
        String min = range.min();
        String max = range.max();
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            if (min != null && decimal.compareTo(new BigDecimal(min.trim())) < 0) {
                return "must be at least " + min.trim();
            }
            if (max != null && decimal.compareTo(new BigDecimal(max.trim())) > 0) {
                return "must be at most " + max.trim();
            }
        } else if (value instanceof String string) {
            int length = string.codePointCount(0, string.length());
            if (min != null && length < Integer.parseInt(min.trim())) {
                return "must be at least " + min.trim() + " characters long";
            }
            if (max != null && length > Integer.parseInt(max.trim())) {
                return "must be at most " + max.trim() + " characters long";
            }
        }
        return null;
    }

    /**
     * What the Metatype implementation's own {@code validate} says, for whatever the checks above do
     * not cover. It takes a comma-separated list, so commas inside one value are escaped.
     */
    private static String metatypeVerdict(AttributeDefinition attribute, String text) {
        String verdict;
        try {
            verdict = attribute.validate(text.replace("\\", "\\\\").replace(",", "\\,"));
        } catch (RuntimeException e) {
            return null;
        }
        if (verdict == null || verdict.isEmpty()) {
            return null;
        }
        // Felix answers with localization keys such as "%less than minimum".
        return verdict.startsWith("%") ? "is not valid (" + verdict.substring(1) + ")" : verdict;
    }

    /** Synchronized: two changes at once must not each write back what the other replaced. */
    private synchronized void write(String module, String pid, Map<String, Object> accepted, Map<String, AttributeDefinition> attributes) {
        try {
            // "?": the configuration is bound to no bundle, so the module's bundle gets it whatever its location.
            Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
            Hashtable<String, Object> next = SettingsCodec.dictionary(SettingsCodec.properties(configuration.getProperties()));
            Map<String, Object> before = new TreeMap<>();
            Map<String, Object> after = new TreeMap<>();
            for (Map.Entry<String, Object> change : accepted.entrySet()) {
                Object old = next.get(change.getKey());
                if (Objects.deepEquals(old, change.getValue())) {
                    continue;
                }
                boolean password = attributes.get(change.getKey()).getType() == AttributeDefinition.PASSWORD;
                before.put(change.getKey(), old == null ? DEFAULT : password ? HIDDEN : json(old));
                after.put(change.getKey(), change.getValue() == null ? DEFAULT : password ? HIDDEN : json(change.getValue()));
                if (change.getValue() == null) {
                    next.remove(change.getKey());
                } else {
                    next.put(change.getKey(), change.getValue());
                }
            }
            if (before.isEmpty()) {
                return;
            }
            // The database first: it is what every node follows, this one included.
            shared.write(module, pid, SettingsCodec.properties(next), CurrentRequest.caller().actor());
            audit.append("platform", "module.config", module, Map.of("pid", pid, "before", text(before), "after", text(after)));
        } catch (IOException e) {
            throw new IllegalStateException("the settings could not be stored: " + e.getMessage(), e);
        }
    }

    private Settings view(String pid, ObjectClassDefinition definition, Map<String, MetatypeRanges.Range> ranges) {
        Dictionary<String, Object> stored = stored(pid);
        List<Setting> settings = new ArrayList<>();
        Set<String> required = new java.util.HashSet<>();
        for (AttributeDefinition attribute : definitions(definition, ObjectClassDefinition.REQUIRED)) {
            required.add(attribute.getID());
        }
        for (AttributeDefinition attribute : definitions(definition, ObjectClassDefinition.ALL)) {
            List<Option> options = new ArrayList<>();
            String[] values = attribute.getOptionValues();
            String[] labels = attribute.getOptionLabels();
            if (values != null) {
                for (int i = 0; i < values.length; i++) {
                    options.add(new Option(values[i], labels != null && i < labels.length ? labels[i] : values[i]));
                }
            }
            Object value = stored == null ? null : json(stored.get(attribute.getID()));
            if (attribute.getType() == AttributeDefinition.PASSWORD && value != null) {
                value = HIDDEN;
            }
            String[] defaults = attribute.getDefaultValue();
            MetatypeRanges.Range range = ranges.getOrDefault(attribute.getID(), MetatypeRanges.Range.NONE);
            settings.add(new Setting(attribute.getID(), attribute.getName(), attribute.getDescription(), typeName(attribute.getType()),
                    attribute.getCardinality(), required.contains(attribute.getID()), range.min(), range.max(),
                    options, defaults == null ? List.of() : List.of(defaults), value));
        }
        return new Settings(pid, definition.getName(), definition.getDescription(), settings);
    }

    private Dictionary<String, Object> stored(String pid) {
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escapeFilter(pid) + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("the settings could not be read: " + e.getMessage(), e);
        }
    }

    private Bundle bundle(String module) {
        return modules.bundle(module).orElseThrow(() -> Problem.notFound("There is no module '" + module + "'."));
    }

    /** A language tag such as {@code zh-CN}; anything else is a 400 before anything is read or written (Felix Metatype fails on it). */
    private static void checkLanguage(String language) {
        if (language != null && !language.isBlank() && !language.matches("[A-Za-z]{2,8}([_-][A-Za-z0-9]{1,8})*")) {
            throw Problem.invalid("lang", "'" + language + "' is not a language tag such as zh-CN or en");
        }
    }

    private static ObjectClassDefinition definition(MetaTypeInformation information, String pid, String language) {
        String locale = language == null || language.isBlank() ? null : language.replace('-', '_');
        try {
            return information.getObjectClassDefinition(pid, locale);
        } catch (IllegalArgumentException e) {
            // A locale the bundle does not localize: its own texts.
            return information.getObjectClassDefinition(pid, null);
        }
    }

    private static AttributeDefinition[] definitions(ObjectClassDefinition definition, int filter) {
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(filter);
        return attributes == null ? new AttributeDefinition[0] : attributes;
    }

    /** A stored value as JSON shows it: arrays and collections become lists, characters strings. */
    private static Object json(Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(json(Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(ModuleSettings::json).toList();
        }
        if (value instanceof Character || value instanceof BigInteger || value instanceof BigDecimal) {
            return value.toString();
        }
        return value;
    }

    private static String text(Map<String, Object> values) {
        try {
            return Json.mapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            return values.toString();
        }
    }

    @SuppressWarnings("deprecation")
    private static Class<?> javaType(int type) {
        switch (type) {
            case AttributeDefinition.INTEGER:
                return Integer.class;
            case AttributeDefinition.LONG:
                return Long.class;
            case AttributeDefinition.SHORT:
                return Short.class;
            case AttributeDefinition.BYTE:
                return Byte.class;
            case AttributeDefinition.DOUBLE:
                return Double.class;
            case AttributeDefinition.FLOAT:
                return Float.class;
            case AttributeDefinition.BOOLEAN:
                return Boolean.class;
            case AttributeDefinition.CHARACTER:
                return Character.class;
            default:
                return String.class;
        }
    }

    static String typeName(int type) {
        switch (type) {
            case AttributeDefinition.INTEGER:
                return "integer";
            case AttributeDefinition.LONG:
                return "long";
            case AttributeDefinition.SHORT:
                return "short";
            case AttributeDefinition.BYTE:
                return "byte";
            case AttributeDefinition.DOUBLE:
                return "double";
            case AttributeDefinition.FLOAT:
                return "float";
            case AttributeDefinition.BOOLEAN:
                return "boolean";
            case AttributeDefinition.CHARACTER:
                return "char";
            case AttributeDefinition.PASSWORD:
                return "password";
            default:
                return "string";
        }
    }

    private static String escapeFilter(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
