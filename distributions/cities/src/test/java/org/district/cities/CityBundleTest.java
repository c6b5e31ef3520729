package org.district.cities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarInputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A valid profile becomes the city's bundles: the standalone archive and the WAR hold exactly the
 * modules the city chose and those they require, the city's folder, and a manifest whose digests
 * are those of the files; two builds give the same bytes.
 */
class CityBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "district-sample/";
    private static final List<String> SHIPPED = List.of("courier-stations", "lawyer-roster", "legal-aid-night-market");

    @TempDir
    static Path out;
    private static CityBundle bundle;

    @BeforeAll
    static void build() throws Exception {
        List<CityBundle> bundles = Fixtures.build("valid", out.resolve("first")).war(Fixtures.war()).build().run();
        assertEquals(1, bundles.size());
        bundle = bundles.get(0);
    }

    @Test
    void theCityShipsItsChosenModulesAndThoseTheyRequire() {
        assertEquals("sample", bundle.id());
        assertEquals(SHIPPED, bundle.modules());
        assertEquals(List.of("legal-aid-night-market", "courier-stations"), bundle.chosenModules());
        assertEquals(Map.of("lawyer-roster", List.of("legal-aid-night-market")), bundle.requiredBy());
    }

    @Test
    void theOutputsAreNamedByCityAndVersion() throws IOException {
        Path folder = out.resolve("first/sample");
        assertEquals(folder.resolve("district-sample-1.0.0-SNAPSHOT.zip"), bundle.zip());
        assertEquals(folder.resolve("district-sample-1.0.0-SNAPSHOT.war"), bundle.war().orElseThrow());
        assertEquals(Files.size(bundle.zip()), bundle.zipBytes());
        assertEquals(Files.size(bundle.war().orElseThrow()), bundle.warBytes());
        try (var files = Files.list(folder)) {
            assertEquals(List.of("SHA256SUMS", "district-sample-1.0.0-SNAPSHOT.war", "district-sample-1.0.0-SNAPSHOT.zip", "manifest.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(sha256(Files.readAllBytes(bundle.war().orElseThrow())) + "  district-sample-1.0.0-SNAPSHOT.war\n"
                + sha256(Files.readAllBytes(bundle.zip())) + "  district-sample-1.0.0-SNAPSHOT.zip\n",
                Files.readString(folder.resolve("SHA256SUMS")));
    }

    @Test
    void theArchiveHoldsTheHomeAndOnlyTheCitysModules() throws IOException {
        Map<String, byte[]> zip = entries(bundle.zip());
        assertEquals(List.of(BASE + "plugins/courier-stations-1.0.0-SNAPSHOT.jar", BASE + "plugins/lawyer-roster-1.0.0-SNAPSHOT.jar",
                BASE + "plugins/legal-aid-night-market-1.0.0-SNAPSHOT.jar"), under(zip, BASE + "plugins/"));
        assertFalse(zip.keySet().stream().anyMatch(name -> name.contains("notice-board") || name.contains("farm-aid-streaming")),
                "modules the city did not choose are not shipped");
        for (String home : List.of("bin/district", "lib/org.apache.felix.framework.jar", "bundles/shell/org.apache.felix.gogo.shell-1.1.4.jar")) {
            assertArrayEquals(Files.readAllBytes(Fixtures.home().resolve(home)), zip.get(BASE + home), home);
        }
        assertTrue(zip.containsKey(BASE + "bundles/") && zip.containsKey(BASE + "city/source/"), "folders are entries too");
        assertEquals(List.of(BASE + "city/defaults.properties", BASE + "city/logo.svg", BASE + "city/manifest.json", BASE + "city/profile.json",
                BASE + "city/source/", BASE + "city/source/city.json", BASE + "city/source/places.csv"), under(zip, BASE + "city/"));
        Path profile = Fixtures.profiles("valid").resolve("sample");
        assertArrayEquals(Files.readAllBytes(profile.resolve("city.json")), zip.get(BASE + "city/source/city.json"));
        assertArrayEquals(Files.readAllBytes(profile.resolve("places.csv")), zip.get(BASE + "city/source/places.csv"));
        assertArrayEquals(Files.readAllBytes(profile.resolve("logo.svg")), zip.get(BASE + "city/logo.svg"));
        assertEquals("DISTRICT_DEMO_DATA=true\n", new String(zip.get(BASE + "city/defaults.properties"), StandardCharsets.UTF_8));
    }

    @Test
    void theLaunchScriptsAreExecutableAndEveryEntryHasTheBuildsTime() throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(bundle.zip()).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                int expected = entry.isDirectory() || entry.getName().startsWith(BASE + "bin/") ? 0755 : 0644;
                assertEquals(expected, entry.getUnixMode() & 0777, entry.getName());
                assertEquals(0, entry.getExtra() == null ? 0 : entry.getExtra().length, entry.getName() + " has no extra fields");
            }
            assertEquals(0755, zip.getEntry(BASE + "bin/district").getUnixMode() & 0777);
            assertEquals("2026-01-01T00:00", java.time.LocalDateTime.ofInstant(zip.getEntry(BASE + "bin/district").getLastModifiedDate().toInstant(),
                    java.time.ZoneId.systemDefault()).toString());
        }
    }

    @Test
    void theManifestListsEveryJarWithTheDigestOfItsBytes() throws IOException {
        Map<String, byte[]> zip = entries(bundle.zip());
        byte[] manifestBytes = zip.get(BASE + "city/manifest.json");
        assertArrayEquals(Files.readAllBytes(bundle.manifest()), manifestBytes, "manifest.json beside the archives is the archive's");
        JsonNode manifest = JSON.readTree(manifestBytes);
        assertEquals("sample", manifest.path("city").asText());
        assertEquals(Fixtures.VERSION, manifest.path("platformVersion").asText());
        assertEquals(sha256(zip.get(BASE + "city/source/city.json")), manifest.path("profileSha256").asText());
        assertEquals(sha256(zip.get(BASE + "city/source/places.csv")), manifest.path("placesSha256").asText());

        List<String> ids = new ArrayList<>();
        for (JsonNode module : manifest.path("modules")) {
            ids.add(module.path("id").asText());
            assertEquals(sha256(zip.get(BASE + module.path("file").asText())), module.path("sha256").asText(), module.toString());
            assertEquals("org.district.plugins." + module.path("id").asText(), module.path("symbolicName").asText());
            assertEquals("1.0.0.SNAPSHOT", module.path("version").asText());
        }
        assertEquals(SHIPPED, ids);
        JsonNode lawyerRoster = manifest.path("modules").get(1);
        assertFalse(lawyerRoster.path("chosen").asBoolean(), "pulled in, not chosen");
        assertEquals("[\"legal-aid-night-market\"]", lawyerRoster.path("requiredBy").toString());
        assertTrue(manifest.path("modules").get(0).path("chosen").asBoolean());

        List<String> bundles = new ArrayList<>();
        for (JsonNode jar : manifest.path("bundles")) {
            bundles.add(jar.path("file").asText());
            assertEquals(sha256(zip.get(BASE + jar.path("file").asText())), jar.path("sha256").asText(), jar.toString());
        }
        assertEquals(zip.keySet().stream().filter(n -> n.startsWith(BASE + "bundles/") && n.endsWith(".jar")).map(n -> n.substring(BASE.length())).toList(),
                bundles);
        assertTrue(manifest.path("bundles").toString().contains("\"symbolicName\":\"com.zaxxer.HikariCP\",\"version\":\"6.3.3\""));
    }

    @Test
    void theProfileIsNormalizedWithThePathsOfThePlaces() throws IOException {
        JsonNode profile = JSON.readTree(entries(bundle.zip()).get(BASE + "city/profile.json"));
        assertEquals(List.of("id", "name", "timeZone", "mapCentre", "modules", "chosenModules", "demoData", "settings", "places", "branding"),
                fieldNames(profile));
        assertEquals("[\"courier-stations\",\"lawyer-roster\",\"legal-aid-night-market\"]", profile.path("modules").toString());
        assertEquals("{\"lat\":30.66,\"lon\":104.07}", profile.path("mapCentre").toString());
        assertEquals("{\"module\":\"courier-stations\",\"values\":{\"timeZone\":\"Asia/Shanghai\",\"serviceMinutes\":15,\"ridingSpeedKmh\":15.0,"
                + "\"cityAreas\":[\"30.05,102.90,31.45,104.90\"]}}", profile.path("settings").path("org.district.plugins.courierstations").toString());
        List<String> paths = new ArrayList<>();
        profile.path("places").forEach(place -> paths.add(place.path("path").asText()));
        assertEquals(List.of("样例市/武侯区", "样例市/武侯区/玉林街道", "样例市/武侯区/玉林街道/玉林社区", "样例市/武侯区/玉林街道/玉林社区/第一网格",
                "样例市/锦江区"), paths, "each path starts with the city, as the modules' records name their places");
        assertEquals("{\"id\":\"yulin\",\"parent\":\"wuhou\",\"level\":\"street\",\"path\":\"样例市/武侯区/玉林街道\",\"name\":{\"zh-CN\":\"玉林街道\",\"en\":\"Yulin Subdistrict\"}}",
                profile.path("places").get(1).toString());
        assertTrue(profile.path("places").get(0).path("parent").isNull());
        assertEquals("{\"primary\":\"#c0392b\",\"accent\":\"#1f6feb\"}", profile.path("branding").path("colours").toString());
        assertEquals("logo.svg", profile.path("branding").path("logo").asText());
    }

    @Test
    void theWarIsTheGenericOneWithTheCitysModulesAndFolder() throws IOException {
        Path war = bundle.war().orElseThrow();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(war))) {
            assertNotNull(in.getManifest(), "META-INF/MANIFEST.MF stays at the head of the WAR");
        }
        Map<String, byte[]> city = entries(war);
        Map<String, byte[]> generic = entries(Fixtures.war());
        assertEquals(List.of("WEB-INF/district/plugins/courier-stations-1.0.0-SNAPSHOT.jar", "WEB-INF/district/plugins/lawyer-roster-1.0.0-SNAPSHOT.jar",
                "WEB-INF/district/plugins/legal-aid-night-market-1.0.0-SNAPSHOT.jar"), under(city, "WEB-INF/district/plugins/"));
        generic.forEach((name, bytes) -> {
            if (!name.startsWith("WEB-INF/district/plugins/")) {
                assertArrayEquals(bytes, city.get(name), name + " is the generic WAR's");
            }
        });
        JsonNode manifest = JSON.readTree(city.get("WEB-INF/district/city/manifest.json"));
        for (JsonNode jar : manifest.path("bundles")) {
            assertEquals(sha256(city.get("WEB-INF/district/" + jar.path("file").asText())), jar.path("sha256").asText(), jar.toString());
        }
        for (JsonNode module : manifest.path("modules")) {
            assertEquals(sha256(city.get("WEB-INF/district/" + module.path("file").asText())), module.path("sha256").asText(), module.toString());
        }
        assertArrayEquals(entries(bundle.zip()).get(BASE + "city/profile.json"), city.get("WEB-INF/district/city/profile.json"));
    }

    @Test
    void twoBuildsOfTheSameSourcesGiveTheSameBytes() throws Exception {
        CityBundle again = Fixtures.build("valid", out.resolve("second")).war(Fixtures.war()).verifyReproducible(true).build().run().get(0);
        assertArrayEquals(Files.readAllBytes(bundle.zip()), Files.readAllBytes(again.zip()));
        assertArrayEquals(Files.readAllBytes(bundle.war().orElseThrow()), Files.readAllBytes(again.war().orElseThrow()));
        assertArrayEquals(Files.readAllBytes(bundle.manifest()), Files.readAllBytes(again.manifest()));
    }

    @Test
    void withoutAGenericWarOnlyTheArchiveIsBuilt(@TempDir Path elsewhere) throws Exception {
        CityBundle archiveOnly = Fixtures.build("valid", elsewhere).build().run().get(0);
        assertTrue(archiveOnly.war().isEmpty());
        assertEquals(0, archiveOnly.warBytes());
        assertArrayEquals(Files.readAllBytes(bundle.zip()), Files.readAllBytes(archiveOnly.zip()));
        assertEquals(sha256(Files.readAllBytes(archiveOnly.zip())) + "  district-sample-1.0.0-SNAPSHOT.zip\n",
                Files.readString(elsewhere.resolve("sample/SHA256SUMS")));
    }

    /** Every entry of an archive (folders with no bytes), in the archive's order. */
    static Map<String, byte[]> entries(Path archive) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static List<String> under(Map<String, byte[]> entries, String folder) {
        return new TreeMap<>(entries).keySet().stream().filter(n -> n.startsWith(folder) && !n.equals(folder)).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
