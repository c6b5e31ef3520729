package org.district.cities.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.district.cities.CityBuild;
import org.district.cities.CityBundle;
import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A city upgrades its bundle to a newer module version on the same database: its data, its
 * settings and its state stay; the new version's migrations run; a setting the new version renamed
 * keeps the value the city had given it; a setting the newer profile adds is applied.
 *
 * <p>The module is the test module {@code greeter}: 1.0.0 has the settings {@code greeting} and
 * {@code visitorsShown}; 1.1.0 renames {@code greeting} to {@code welcome}, adds {@code signature}
 * and a migration that gives each visitor a language.
 */
class UpgradeIT {

    private static final String PID = "org.district.testmodules.greeter";

    @Test
    void aNewerBundleOnTheSameDatabaseKeepsTheCitysDataAndSettings() throws Exception {
        Path older = build("v1", "greeter-1");
        Path newer = build("v2", "greeter-2");

        try (RunningPlatform town = RunningPlatform.of(older).start()) {
            JsonNode greeting = town.get("/api/greeter/greeting").json();
            assertEquals("1.0.0", greeting.path("version").asText());
            assertEquals("你好，骑手", greeting.path("greeting").asText(), "the profile's starting value");
            assertEquals(5, greeting.path("visitorsShown").asInt());
            for (String name : List.of("王师傅", "李骑手", "Zhao")) {
                assertEquals(201, town.postAsAdmin("/api/greeter/visitors", "{\"name\":\"" + name + "\"}").status());
            }
            assertEquals(200, town.putAsAdmin("/api/admin/modules/greeter/config/" + PID, "{\"greeting\":\"欢迎光临驿站\"}").status());

            town.upgradeTo(newer).start();

            JsonNode module = town.getAsAdmin("/api/admin/modules/greeter").json();
            assertEquals("1.1.0", module.path("version").asText(), module.toString());
            assertEquals("enabled", module.path("state").asText(), module.toString());
            JsonNode upgraded = town.get("/api/greeter/greeting").json();
            assertEquals("1.1.0", upgraded.path("version").asText());
            assertEquals("欢迎光临驿站", upgraded.path("welcome").asText(), "the renamed setting keeps the admin's value: " + upgraded);
            assertEquals(5, upgraded.path("visitorsShown").asInt());
            assertEquals("巴南区人社局", upgraded.path("signature").asText(), "a setting the newer profile adds is applied");

            List<String> names = new ArrayList<>();
            for (JsonNode visitor : town.get("/api/greeter/visitors").json()) {
                names.add(visitor.path("name").asText());
                assertEquals("zh-CN", visitor.path("language").asText(), "the new version's migration ran: " + visitor);
            }
            assertEquals(3, names.size(), names.toString());
            assertTrue(names.containsAll(List.of("王师傅", "李骑手", "Zhao")), names.toString());

            assertEquals("欢迎光临驿站", CityBundlesIT.setting(town, "greeter", PID, "welcome").asText());
            JsonNode settings = town.getAsAdmin("/api/admin/modules/greeter/config").json();
            assertFalse(settings.toString().contains("\"greeting\""), "the old name is gone: " + settings);

            town.restart();
            assertEquals("欢迎光临驿站", town.get("/api/greeter/greeting").json().path("welcome").asText(), "and stays after a restart");
        }
    }

    /** The test city built with one version of the greeter module, unpacked: its home. */
    private static Path build(String profiles, String greeterJar) throws Exception {
        Path modules = Files.createTempDirectory("greeter-modules-");
        Path jar = CityArchives.INPUTS.resolve("test-modules").resolve(greeterJar + ".jar");
        Files.copy(jar, modules.resolve(greeterJar + ".jar"));
        Path out = Files.createTempDirectory("greeter-town-");
        List<CityBundle> built = CityBuild.builder()
                .profiles(Path.of(UpgradeIT.class.getResource("/upgrade/" + profiles).toURI()))
                .home(CityArchives.INPUTS.resolve("home"))
                .modules(modules)
                .out(out)
                .version(System.getProperty("district.cities.version", "1.0.0-SNAPSHOT"))
                .build()
                .run();
        return CityArchives.unpack(built.get(0).zip(), "district-greeter-town");
    }
}
