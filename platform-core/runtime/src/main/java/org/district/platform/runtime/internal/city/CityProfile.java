package org.district.platform.runtime.internal.city;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.district.platform.api.access.Places;
import org.district.platform.runtime.internal.PlatformSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The city this platform is the bundle of, as the city build (distributions/cities) wrote it into
 * the bundle's city folder: {@code profile.json} (names, time zone, map centre, the administrative
 * tree, the modules chosen, their starting settings, the branding) and {@code manifest.json} (each
 * module jar the bundle ships, with its SHA-256). A platform without that folder is no particular
 * city: every module jar loads and any place may be granted.
 *
 * <p>Read once at start: a bundle's city folder does not change while it runs; a new profile
 * comes with a new bundle.
 */
@Component(service = CityProfile.class)
public class CityProfile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One node of the administrative tree; {@code path} is how roles are limited to it ({@code 武侯区/玉林街道}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String id, String parent, String level, String path, Map<String, String> name) {
    }

    /** Latitude and longitude (WGS-84) a map of the city opens at. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Centre(double lat, double lon) {
    }

    /** Title in each language, logo file (in the city folder) and two colours ({@code primary}, {@code accent}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Branding(Map<String, String> title, String logo, Map<String, String> colours) {
    }

    /** One configuration the profile starts a module with: the module and the values by setting. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StartingSettings(String module, Map<String, Object> values) {
    }

    /** The profile; {@code modules} are all the bundle holds, {@code chosenModules} those the city named. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String id, Map<String, String> name, String timeZone, Centre mapCentre, List<String> modules,
            List<String> chosenModules, boolean demoData, Map<String, StartingSettings> settings, List<Place> places,
            Branding branding) {
    }

    /** A module jar the manifest lists. */
    record Listed(String file, String sha256) {
    }

    private Path folder;
    private Profile profile;
    private String profileSha256;
    /** Null: no manifest, so no check (a platform that is no city's bundle). */
    private Map<String, Listed> listed;
    private String unreadable;
    private boolean allowUnlisted;
    private Set<String> paths = Set.of();

    @Activate
    void activate(BundleContext context) {
        PlatformSettings settings = PlatformSettings.of(context);
        folder = settings.cityDir();
        allowUnlisted = settings.allowUnlistedModules();
        Path profileFile = folder.resolve("profile.json");
        Path manifestFile = folder.resolve("manifest.json");
        try {
            if (Files.isRegularFile(profileFile)) {
                profile = JSON.readValue(profileFile.toFile(), Profile.class);
                paths = profile.places() == null ? Set.of()
                        : profile.places().stream().map(Place::path).collect(Collectors.toUnmodifiableSet());
            }
            if (Files.isRegularFile(manifestFile)) {
                JsonNode manifest = JSON.readTree(manifestFile.toFile());
                profileSha256 = manifest.path("profileSha256").asText(null);
                listed = new LinkedHashMap<>();
                for (JsonNode module : manifest.path("modules")) {
                    String file = Path.of(module.path("file").asText()).getFileName().toString();
                    listed.put(file, new Listed(file, module.path("sha256").asText()));
                }
            } else if (profile != null) {
                unreadable = "the city's manifest " + manifestFile + " is missing";
            }
        } catch (IOException e) {
            unreadable = "the city's folder " + folder + " cannot be read: " + e.getMessage();
        }
    }

    /** The city's profile; empty on a platform that is no city's bundle. */
    public Optional<Profile> profile() {
        return Optional.ofNullable(profile);
    }

    /** The SHA-256 of the profile the bundle was built from, as its manifest records it. */
    public Optional<String> profileSha256() {
        return Optional.ofNullable(profileSha256);
    }

    /** The city's logo file, if it has one. */
    public Optional<Path> logo() {
        return profile().map(Profile::branding).map(Branding::logo).filter(name -> !name.isBlank())
                .map(name -> folder.resolve(Path.of(name).getFileName().toString())).filter(Files::isRegularFile);
    }

    /**
     * Why the module jar must not be loaded, if it must not: a city bundle loads only the jars its
     * manifest lists, byte for byte, unless an admin allowed unlisted modules
     * ({@code DISTRICT_ALLOW_UNLISTED_MODULES=true}).
     */
    public Optional<String> refusal(Path jar) {
        if (allowUnlisted || (listed == null && unreadable == null)) {
            return Optional.empty();
        }
        if (unreadable != null) {
            return Optional.of("not loaded: " + unreadable);
        }
        String file = jar.getFileName().toString();
        Listed entry = listed.get(file);
        if (entry == null) {
            return Optional.of("not listed in the city's manifest, so not loaded; an admin who trusts it sets"
                    + " DISTRICT_ALLOW_UNLISTED_MODULES=true");
        }
        String actual;
        try {
            actual = sha256(jar);
        } catch (IOException e) {
            return Optional.of("cannot be read to check it against the city's manifest: " + e.getMessage());
        }
        if (!actual.equalsIgnoreCase(entry.sha256())) {
            return Optional.of("altered since the city's bundle was built: its SHA-256 is " + actual
                    + ", the city's manifest lists " + entry.sha256() + "; not loaded");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with limiting a role to this node, if anything: on a city bundle whose profile
     * has an administrative tree, the node must be one of it.
     */
    public Optional<String> placeError(List<String> parts) {
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        String path = String.join(String.valueOf(Places.SEPARATOR), parts);
        if (paths.contains(path)) {
            return Optional.empty();
        }
        return Optional.of("'" + path + "' is not a place of " + profile.name().getOrDefault("zh-CN", profile.id())
                + "'s administrative tree");
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
