package org.district.cities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code city/} folder of a city's bundles: what the runtime reads to become that city
 * ({@code profile.json}, the profile normalized and its places with their paths;
 * {@code defaults.properties}; the logo), the profile's files as written ({@code source/}), and the
 * manifest of every jar shipped, which the runtime checks the module jars against.
 */
final class CityFolder {

    static final String MANIFEST = "manifest.json";

    private CityFolder() {
    }

    /** The folder's files by path within it, but the manifest, which differs between the archive and the WAR. */
    static SortedMap<String, byte[]> files(CityProfile city) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("profile.json", PrettyJson.bytes(profile(city)));
        files.put("defaults.properties", ("DISTRICT_DEMO_DATA=" + city.demoData() + "\n").getBytes(StandardCharsets.UTF_8));
        if (city.branding().logo().isPresent()) {
            Path logo = city.branding().logo().get();
            files.put(logo.getFileName().toString(), Files.readAllBytes(logo));
        }
        files.put("source/city.json", city.profileSource());
        files.put("source/places.csv", city.placesSource());
        return files;
    }

    /**
     * The manifest: the platform's version, the digests of the profile's files, and every jar the
     * bundle ships with its symbolic name, version and digest; modules also say whether the city
     * chose them and which modules require them.
     *
     * @param modules the module jars by module id, in id order
     * @param bundles the platform's bundles, in file order
     */
    static byte[] manifest(CityProfile city, String version, SortedMap<String, ShippedJar> modules, List<ShippedJar> bundles) {
        ObjectNode manifest = PrettyJson.object();
        manifest.put("city", city.id());
        manifest.put("platformVersion", version);
        manifest.put("profileSha256", Sha256.of(city.profileSource()));
        manifest.put("placesSha256", Sha256.of(city.placesSource()));
        ArrayNode moduleList = manifest.putArray("modules");
        modules.forEach((id, jar) -> {
            ObjectNode module = moduleList.addObject();
            module.put("id", id);
            jar(module, jar);
            module.put("chosen", city.modules().isChosen(id));
            ArrayNode requiredBy = module.putArray("requiredBy");
            city.modules().requiredBy().get(id).forEach(requiredBy::add);
        });
        ArrayNode bundleList = manifest.putArray("bundles");
        bundles.forEach(bundle -> jar(bundleList.addObject(), bundle));
        return PrettyJson.bytes(manifest);
    }

    private static void jar(ObjectNode entry, ShippedJar jar) {
        entry.put("file", jar.file());
        entry.put("symbolicName", jar.identity().symbolicName());
        entry.put("version", jar.identity().version());
        entry.put("sha256", jar.sha256());
    }

    private static ObjectNode profile(CityProfile city) {
        ObjectNode profile = PrettyJson.object();
        profile.put("id", city.id());
        localized(profile.putObject("name"), city.name());
        profile.put("timeZone", city.timeZone());
        ObjectNode centre = profile.putObject("mapCentre");
        centre.put("lat", city.latitude());
        centre.put("lon", city.longitude());
        ArrayNode modules = profile.putArray("modules");
        city.modules().modules().forEach(modules::add);
        ArrayNode chosen = profile.putArray("chosenModules");
        city.modules().chosen().forEach(chosen::add);
        profile.put("demoData", city.demoData());
        ObjectNode settings = profile.putObject("settings");
        city.settings().forEach((pid, values) -> {
            ObjectNode configuration = settings.putObject(pid);
            configuration.put("module", values.module());
            configuration.set("values", values.values().deepCopy());
        });
        ArrayNode places = profile.putArray("places");
        for (Place place : city.places()) {
            ObjectNode node = places.addObject();
            node.put("id", place.id());
            node.put("parent", place.parent());
            node.put("level", place.level().label());
            node.put("path", place.path());
            localized(node.putObject("name"), new LocalizedText(place.nameZh(), place.nameEn()));
        }
        ObjectNode branding = profile.putObject("branding");
        localized(branding.putObject("title"), city.branding().title());
        branding.put("logo", city.branding().logo().map(logo -> logo.getFileName().toString()).orElse(null));
        if (city.branding().primary().isPresent()) {
            ObjectNode colours = branding.putObject("colours");
            colours.put("primary", city.branding().primary().get());
            colours.put("accent", city.branding().accent().orElseThrow());
        } else {
            branding.putNull("colours");
        }
        return profile;
    }

    private static void localized(ObjectNode node, LocalizedText text) {
        node.put(LocalizedText.ZH_CN, text.zhCN());
        node.put(LocalizedText.EN, text.en());
    }
}
