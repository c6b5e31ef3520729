package org.district.cities.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.district.cities.CityBuild;
import org.district.cities.CityBundle;
import org.junit.jupiter.api.Test;

/**
 * Two builds of the same sources give byte-identical bundles: every city is built again here, in
 * another process than the Maven build that made {@code target/cities}, into another folder, and
 * each archive must be the same file.
 */
class ReproducibleIT {

    @Test
    void buildingTheCitiesAgainGivesTheSameBytes() throws Exception {
        Path again = Files.createTempDirectory("cities-again-");
        List<CityBundle> rebuilt = CityBuild.builder()
                .profiles(Path.of(System.getProperty("district.cities.profiles", ".")))
                .home(CityArchives.INPUTS.resolve("home"))
                .modules(CityArchives.INPUTS.resolve("modules"))
                .war(CityArchives.INPUTS.resolve("district.war"))
                .out(again)
                .version(System.getProperty("district.cities.version"))
                .timestamp(Instant.parse(System.getProperty("district.cities.timestamp")))
                .build()
                .run();
        assertEquals(4, rebuilt.size(), rebuilt.toString());
        for (CityBundle city : rebuilt) {
            Path zip = CityArchives.archive(city.id());
            assertEquals(sha256(zip), sha256(city.zip()), city.id() + ": " + zip.getFileName());
            Path war = CityArchives.war(city.id());
            assertTrue(city.war().isPresent());
            assertEquals(sha256(war), sha256(city.war().get()), city.id() + ": " + war.getFileName());
            assertArrayEquals(Files.readAllBytes(CityArchives.CITIES.resolve(city.id()).resolve("manifest.json")),
                    Files.readAllBytes(city.manifest()));
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
