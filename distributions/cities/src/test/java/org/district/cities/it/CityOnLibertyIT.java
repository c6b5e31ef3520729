package org.district.cities.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.district.liberty.LibertyServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A city's WAR on Open Liberty with PostgreSQL: the packaged server of distributions/liberty with
 * Yibin's WAR deployed in place of the generic one, started as provincial IT starts it. It serves
 * Yibin's modules only, with Yibin's settings, and says it is Yibin. Runs with {@code -Pliberty}
 * (the packaged server needs the Liberty runtime).
 */
@Tag("liberty")
class CityOnLibertyIT {

    /** Where the packaged server holds its application. */
    private static final String APPLICATION = "wlp/usr/servers/district/apps/district.war";
    private static final String STATIONS_PID = "org.district.plugins.courierstations";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void yibinsWarServesYibinsModulesWithYibinsSettings() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("district.liberty.work", "target/liberty-it")).toAbsolutePath());
        Path server = withApplication(Path.of(System.getProperty("district.liberty.jar")), CityArchives.war("yibin"),
                work.resolve("district-yibin-liberty.jar"));
        try (LibertyServer yibin = LibertyServer.of(server, work).start()) {
            Set<String> modules = new TreeSet<>();
            for (JsonNode module : json.readTree(yibin.get("/api/admin/modules", true).body())) {
                assertEquals("enabled", module.path("state").asText(), module.toString());
                modules.add(module.path("id").asText());
            }
            assertEquals(Set.of("courier-stations", "lawyer-roster", "legal-aid-night-market"), modules);

            JsonNode city = json.readTree(yibin.get("/api/city", false).body());
            assertEquals("yibin", city.path("id").asText(), city.toString());
            assertEquals(200, yibin.get("/api/city/logo", false).statusCode());

            JsonNode expected = CityArchives.profile("yibin").path("settings").path(STATIONS_PID).path("values").path("cityAreas");
            JsonNode settings = json.readTree(yibin.get("/api/admin/modules/courier-stations/config", true).body());
            JsonNode areas = null;
            for (JsonNode setting : settings.path("configurations").get(0).path("settings")) {
                if (setting.path("id").asText().equals("cityAreas")) {
                    areas = setting.path("value");
                }
            }
            assertEquals(expected, areas, settings.toString());
            assertEquals(404, yibin.get("/api/farm-aid-streaming/public/sessions", false).statusCode(), "not in Yibin's bundle");
        }
    }

    /** A copy of the packaged server with the city's WAR as its application; every other entry as it was, bytes and modes. */
    private static Path withApplication(Path packaged, Path war, Path target) throws IOException {
        try (ZipFile original = ZipFile.builder().setPath(packaged).get();
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
            for (ZipArchiveEntry entry : Collections.list(original.getEntriesInPhysicalOrder())) {
                if (entry.getName().equals(APPLICATION)) {
                    ZipArchiveEntry application = new ZipArchiveEntry(APPLICATION);
                    application.setUnixMode(entry.getUnixMode());
                    out.putArchiveEntry(application);
                    Files.copy(war, out);
                    out.closeArchiveEntry();
                } else {
                    try (InputStream raw = original.getRawInputStream(entry)) {
                        out.addRawArchiveEntry(entry, raw);
                    }
                }
            }
        }
        return target;
    }
}
