package org.district.cities;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a city's profile folder ({@value #PROFILE}, its places file and logo) and checks all of
 * it, reporting every fault found rather than the first, so that one build lists everything to
 * fix. The JSON is read strictly: a key written twice or an unknown key is a fault, since a typo
 * such as {@code "demodata"} would otherwise be silently ignored.
 */
final class ProfileReader {

    static final String PROFILE = "city.json";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final long LOGO_LIMIT = 256 * 1024;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final List<String> KEYS = List.of("id", "name", "timeZone", "mapCentre", "places", "placesRoot", "modules",
            "excludedModules", "demoData", "settings", "branding");
    private static final List<String> LANGUAGES = List.of(LocalizedText.ZH_CN, LocalizedText.EN);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // numbers as written: 15.0 stays 15.0 in the bundle's profile
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /**
     * What could be read of one profile.
     *
     * @param label how the faults name the city: its id, or its folder's name while the id is unreadable
     * @param id the id, if it is a valid one
     * @param modules the modules, if the profile's choice is sound (the resolver then checks them)
     * @param profile the whole profile, if nothing was at fault
     */
    record Reading(String label, Optional<String> id, Optional<ModuleSelection> modules, Optional<CityProfile> profile) {
    }

    private final ModuleCatalog catalog;

    ProfileReader(ModuleCatalog catalog) {
        this.catalog = catalog;
    }

    Reading read(Path profileFolder, Faults faults) throws IOException {
        Path folder = profileFolder.toAbsolutePath().normalize();
        String folderName = folder.getFileName().toString();
        byte[] source = Files.readAllBytes(folder.resolve(PROFILE));
        JsonNode root;
        try {
            root = JSON.readTree(source);
        } catch (JsonProcessingException e) {
            faults.of(folderName).accept(PROFILE + " is not valid JSON: " + where(e));
            return new Reading(folderName, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (!root.isObject()) {
            faults.of(folderName).accept(PROFILE + " must hold one JSON object"
                    + (root.isMissingNode() ? ", but it is empty" : ", not " + root.getNodeType().name().toLowerCase(Locale.ROOT)));
            return new Reading(folderName, Optional.empty(), Optional.empty(), Optional.empty());
        }
        JsonNode idNode = root.path("id");
        Optional<String> id = idNode.isTextual() && ID.matcher(idNode.textValue()).matches() ? Optional.of(idNode.textValue()) : Optional.empty();
        String label = id.orElse(folderName);
        int before = faults.count();
        Profile profile = new Profile((ObjectNode) root, folder, faults.of(label));
        ModuleSelection modules = profile.modules();
        boolean modulesSound = faults.count() == before;
        Optional<CityProfile> city = profile.city(modules, source);
        return new Reading(label, id, modulesSound ? Optional.of(modules) : Optional.empty(),
                faults.count() == before ? city : Optional.empty());
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String message = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        return location == null ? message : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message;
    }

    /** One profile's fields, each read once with its faults reported. */
    private final class Profile {

        private final ObjectNode root;
        private final Path folder;
        private final Consumer<String> fault;

        Profile(ObjectNode root, Path folder, Consumer<String> fault) {
            this.root = root;
            this.folder = folder;
            this.fault = fault;
            onlyKeys(root, "", KEYS);
        }

        /** The modules chosen and those they require, as far as they can be followed. */
        ModuleSelection modules() {
            return ModuleSelection.of(ids("modules", true), ids("excludedModules", false), catalog, fault);
        }

        /** The profile, unless a field could not be read; the caller also counts the faults of fields that could. */
        Optional<CityProfile> city(ModuleSelection modules, byte[] source) throws IOException {
            String id = id();
            LocalizedText name = localized(root, "name");
            String timeZone = timeZone();
            Optional<ObjectNode> centre = object(root, "mapCentre", true);
            if (centre.isPresent()) {
                onlyKeys(centre.get(), "mapCentre", List.of("lat", "lon"));
            }
            BigDecimal latitude = centre.map(c -> coordinate(c, "lat", 90)).orElse(null);
            BigDecimal longitude = centre.map(c -> coordinate(c, "lon", 180)).orElse(null);
            Optional<byte[]> placesSource = placesSource();
            String placesRoot = placesRoot(name);
            List<Place> places = placesSource.map(bytes -> PlacesFile.read(bytes, root.path("places").textValue(), fault)).orElse(List.of())
                    .stream().map(place -> placesRoot == null ? place : place.under(placesRoot)).toList();
            boolean demoData = demoData();
            // Without a list of modules there is nothing to check the settings against: that one fault is enough.
            Map<String, CitySettings> settings = object(root, "settings", false)
                    .filter(s -> root.path("modules").isArray())
                    .map(s -> SettingsCheck.check(s, modules.modules(), catalog, fault)).orElse(Map.of());
            Branding branding = branding();
            if (id == null || name == null || timeZone == null || latitude == null || longitude == null
                    || placesSource.isEmpty() || placesRoot == null || branding == null) {
                return Optional.empty();
            }
            return Optional.of(new CityProfile(folder, id, name, timeZone, latitude, longitude, modules, demoData, settings,
                    places, branding, source, placesSource.get()));
        }

        /**
         * The first part of every place's path: the name the modules' records start their places
         * with ({@code 成都市/武侯区}), the city's Chinese name unless the profile names another
         * ({@code 台州市} for the district of Jiaojiang).
         */
        private String placesRoot(LocalizedText name) {
            Optional<String> root = text(this.root, "placesRoot", false);
            if (root.isPresent() && root.get().contains("/")) {
                fault.accept("placesRoot '" + root.get() + "' must be one name, without '/'");
                return null;
            }
            return root.map(String::strip).orElse(name == null ? null : name.zhCN());
        }

        private String id() {
            Optional<String> id = text(root, "id", true);
            if (id.isEmpty()) {
                return null;
            }
            String folderName = folder.getFileName().toString();
            if (!ID.matcher(id.get()).matches()) {
                fault.accept("id '" + id.get() + "' must match " + ID.pattern()
                        + ": lower-case letters, digits and '-', from a letter, 2 to 40 characters");
                return null;
            }
            if (!id.get().equals(folderName)) {
                fault.accept("id '" + id.get() + "' differs from its folder's name '" + folderName + "'");
                return null;
            }
            return id.get();
        }

        private String timeZone() {
            Optional<String> zone = text(root, "timeZone", true);
            if (zone.isEmpty()) {
                return null;
            }
            try {
                return ZoneId.of(zone.get()).getId();
            } catch (DateTimeException e) {
                fault.accept("timeZone '" + zone.get() + "' is not a time zone (such as Asia/Shanghai)");
                return null;
            }
        }

        private BigDecimal coordinate(ObjectNode centre, String key, int limit) {
            JsonNode value = centre.get(key);
            String path = "mapCentre." + key;
            if (value == null) {
                fault.accept("missing required field '" + path + "'");
                return null;
            }
            if (!value.isNumber()) {
                fault.accept("'" + path + "' must be a number, not " + value);
                return null;
            }
            if (value.decimalValue().abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                fault.accept(path + " " + value + " is outside [-" + limit + ", " + limit + "]");
                return null;
            }
            return value.decimalValue();
        }

        private Optional<byte[]> placesSource() throws IOException {
            Optional<Path> file = file(root, "places", true);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(file.get())) {
                fault.accept("places file '" + root.path("places").textValue() + "' does not exist");
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file.get()));
        }

        private boolean demoData() {
            JsonNode value = root.get("demoData");
            if (value != null && !value.isBoolean()) {
                fault.accept("'demoData' must be true or false, not " + value);
            }
            return value != null && value.asBoolean(false);
        }

        private Branding branding() throws IOException {
            Optional<ObjectNode> branding = object(root, "branding", true);
            if (branding.isEmpty()) {
                return null;
            }
            onlyKeys(branding.get(), "branding", List.of("title", "logo", "colours"));
            LocalizedText title = localized(branding.get(), "branding.title");
            Optional<Path> logo = file(branding.get(), "branding.logo", false);
            boolean logoSound = logo.isEmpty() || logo(logo.get(), branding.get().get("logo").textValue());
            Optional<ObjectNode> colours = object(branding.get(), "branding.colours", false);
            Optional<String> primary = Optional.empty();
            Optional<String> accent = Optional.empty();
            boolean coloursSound = true;
            if (colours.isPresent()) {
                onlyKeys(colours.get(), "branding.colours", List.of("primary", "accent"));
                primary = colour(colours.get(), "primary");
                accent = colour(colours.get(), "accent");
                coloursSound = primary.isPresent() && accent.isPresent();
            }
            return title == null || !logoSound || !coloursSound ? null : new Branding(title, logo, primary, accent);
        }

        private boolean logo(Path file, String written) throws IOException {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".svg") && !name.endsWith(".png")) {
                fault.accept("branding.logo '" + written + "' must be an .svg or .png file");
                return false;
            }
            if (!Files.isRegularFile(file)) {
                fault.accept("branding.logo '" + written + "' does not exist");
                return false;
            }
            long size = Files.size(file);
            if (size > LOGO_LIMIT) {
                fault.accept("branding.logo '" + written + "' is " + (size + 1023) / 1024 + " KiB, above the limit of " + LOGO_LIMIT / 1024 + " KiB");
                return false;
            }
            return true;
        }

        private Optional<String> colour(ObjectNode colours, String key) {
            Optional<String> colour = text(colours, "branding.colours." + key, true);
            if (colour.isPresent() && !COLOUR.matcher(colour.get()).matches()) {
                fault.accept("branding.colours." + key + " '" + colour.get() + "' must be a colour as #rrggbb");
                return Optional.empty();
            }
            return colour;
        }

        /** A list of module ids; a missing optional list is empty. */
        private List<String> ids(String key, boolean required) {
            JsonNode list = root.get(key);
            List<String> ids = new ArrayList<>();
            if (list == null) {
                if (required) {
                    fault.accept("missing required field '" + key + "'");
                }
            } else if (!list.isArray()) {
                fault.accept("'" + key + "' must be a list of module ids, not " + list);
            } else if (list.isEmpty() && required) {
                fault.accept("'" + key + "' must list at least one module");
            } else {
                for (JsonNode id : list) {
                    if (id.isTextual()) {
                        ids.add(id.textValue());
                    } else {
                        fault.accept("'" + key + "' must list module ids as text, not " + id);
                    }
                }
            }
            return ids;
        }

        /** A text in both languages; null (after reporting) when either is missing. */
        private LocalizedText localized(ObjectNode parent, String path) {
            Optional<ObjectNode> texts = object(parent, path, true);
            if (texts.isEmpty()) {
                return null;
            }
            onlyKeys(texts.get(), path, LANGUAGES);
            Optional<String> zh = text(texts.get(), path + "." + LocalizedText.ZH_CN, true);
            Optional<String> en = text(texts.get(), path + "." + LocalizedText.EN, true);
            return zh.isPresent() && en.isPresent() ? new LocalizedText(zh.get(), en.get()) : null;
        }

        /** A file of the profile's folder that a field names, where it would be; files outside the folder are refused. */
        private Optional<Path> file(ObjectNode parent, String path, boolean required) {
            Optional<String> name = text(parent, path, required);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Path file = folder.resolve(name.get()).normalize();
            if (!file.startsWith(folder) || file.equals(folder)) {
                fault.accept("'" + path + "' must name a file in the profile's folder, not '" + name.get() + "'");
                return Optional.empty();
            }
            return Optional.of(file);
        }

        /** A non-blank text field. */
        private Optional<String> text(ObjectNode parent, String path, boolean required) {
            JsonNode value = parent.get(key(path));
            if (value == null) {
                if (required) {
                    fault.accept("missing required field '" + path + "'");
                }
                return Optional.empty();
            }
            if (!value.isTextual()) {
                fault.accept("'" + path + "' must be text, not " + value);
                return Optional.empty();
            }
            if (value.textValue().isBlank()) {
                fault.accept("'" + path + "' must not be blank");
                return Optional.empty();
            }
            return Optional.of(value.textValue());
        }

        private Optional<ObjectNode> object(ObjectNode parent, String path, boolean required) {
            JsonNode value = parent.get(key(path));
            if (value == null) {
                if (required) {
                    fault.accept("missing required field '" + path + "'");
                }
                return Optional.empty();
            }
            if (!value.isObject()) {
                fault.accept("'" + path + "' must be an object, not " + value);
                return Optional.empty();
            }
            return Optional.of((ObjectNode) value);
        }

        private void onlyKeys(ObjectNode object, String path, List<String> known) {
            object.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    fault.accept("unknown key '" + (path.isEmpty() ? "" : path + ".") + key + "' (known" + (path.isEmpty() ? "" : " in " + path)
                            + ": " + String.join(", ", known) + ")");
                }
            });
        }

        /** The last part of a field's path: its key in its parent. */
        private String key(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }
}
