package org.district.cities.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A running city platform loads only the module jars its manifest lists, byte for byte: a jar
 * dropped in beside them, or one altered after the build, is refused with the reason in the module
 * list, while the others run; an admin who trusts them allows unlisted modules explicitly.
 */
class ManifestIT {

    @Test
    void aJarTheManifestDoesNotListOrThatWasAlteredIsRefusedWithTheReason() throws Exception {
        try (RunningPlatform yibin = RunningPlatform.of(CityArchives.unpack("yibin"))) {
            Path noticeBoard = moduleJar("notice-board");
            Files.copy(noticeBoard, yibin.plugins().resolve(noticeBoard.getFileName()));
            Path stations = moduleJar("courier-stations");
            alter(yibin.plugins().resolve(stations.getFileName()));
            yibin.start();

            Map<String, JsonNode> modules = modules(yibin);
            JsonNode unlisted = modules.get(noticeBoard.getFileName().toString());
            assertEquals("failed", unlisted.path("state").asText(), modules.toString());
            assertTrue(unlisted.path("reason").asText().contains("not listed in the city's manifest"), unlisted.toString());
            assertTrue(unlisted.path("reason").asText().contains("DISTRICT_ALLOW_UNLISTED_MODULES=true"), unlisted.toString());
            JsonNode altered = modules.get(stations.getFileName().toString());
            assertEquals("failed", altered.path("state").asText(), modules.toString());
            assertTrue(altered.path("reason").asText().contains("altered since the city's bundle was built"), altered.toString());
            assertEquals(404, yibin.get("/api/notice-board/notices").status());

            assertEquals("enabled", modules.get("lawyer-roster").path("state").asText(), "the listed modules run");
            assertEquals("enabled", modules.get("legal-aid-night-market").path("state").asText());
            assertEquals(200, yibin.get("/health/ready").status());

            yibin.with("DISTRICT_ALLOW_UNLISTED_MODULES", "true").restart();
            Map<String, JsonNode> allowed = modules(yibin);
            assertEquals("enabled", allowed.get("notice-board").path("state").asText(), allowed.toString());
            assertEquals("enabled", allowed.get("courier-stations").path("state").asText(), allowed.toString());
            assertEquals(200, yibin.get("/api/notice-board/notices").status());
        }
    }

    @Test
    void anUpdateFromAJarAlteredAfterTheBuildIsRefusedAndTheModuleKeepsRunning() throws Exception {
        try (RunningPlatform yibin = RunningPlatform.of(CityArchives.unpack("yibin")).start()) {
            alter(yibin.plugins().resolve(moduleJar("courier-stations").getFileName()));

            var refused = yibin.postAsAdmin("/api/admin/modules/courier-stations/update", "");
            assertEquals(409, refused.status(), refused.body());
            assertTrue(refused.json().path("detail").asText().contains("altered since the city's bundle was built"), refused.body());
            assertEquals("enabled", yibin.moduleState("courier-stations"));
            assertEquals(200, yibin.get("/api/courier-stations/public/services").status());
        }
    }

    private static Map<String, JsonNode> modules(RunningPlatform platform) {
        Map<String, JsonNode> modules = new HashMap<>();
        platform.getAsAdmin("/api/admin/modules").json().forEach(module -> modules.put(module.path("id").asText(), module));
        return modules;
    }

    private static Path moduleJar(String module) throws IOException {
        try (var jars = Files.list(CityArchives.INPUTS.resolve("modules"))) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith(module + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jar of " + module + " in " + CityArchives.INPUTS.resolve("modules")));
        }
    }

    /** The jar with one more file in it: still a valid bundle, no longer the one the city's build listed. */
    private static void alter(Path jar) throws IOException {
        Path altered = Files.createTempFile("altered-", ".jar");
        try (ZipFile original = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(altered))) {
            for (ZipEntry entry : java.util.Collections.list(original.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (var in = original.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("extra.txt"));
            out.write("not from the build".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.move(altered, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
