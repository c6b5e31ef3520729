package org.district.standalone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code bin/district-admin} as a script runs it against a running platform: what it prints, its
 * {@code --json} output, and its exit codes (0 done, 1 refused, 2 wrong usage, 3 unreachable).
 */
@Timeout(120)
class DistrictAdminIT {

    private static RunningPlatform platform;
    private static String url;

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return RunningPlatform.JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    @BeforeAll
    static void start() {
        platform = RunningPlatform.create().start();
        String root = platform.request("/").build().uri().toString();
        url = root.substring(0, root.length() - 1);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Run districtAdmin(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(RunningPlatform.HOME.resolve("bin/district-admin").toAbsolutePath().toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("district-admin-", ".out");
            Path err = Files.createTempFile("district-admin-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("DISTRICT_"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("district-admin did not end: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Run asAdmin(String... args) {
        return districtAdmin(Map.of("DISTRICT_ADMIN_URL", url, "DISTRICT_ADMIN_PASSWORD", RunningPlatform.ADMIN_PASSWORD), args);
    }

    @Test
    void modulesListsEveryModuleWithItsVersionAndState() {
        Run run = asAdmin("modules");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("courier-stations\\s+1\\.0\\.0\\s+enabled\\s*")), run.out());
        Run json = asAdmin("--json", "modules");
        assertEquals(0, json.exit());
        assertEquals(platform.getAsAdmin("/api/admin/modules").json().size(), json.json().size());
    }

    @Test
    void aDisableTheDependenciesForbidIsRefusedWithThePlatformsDetailAndCascadeDoesIt() {
        Run refused = asAdmin("disable", "lawyer-roster");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("is required by 'legal-aid-night-market'"), refused.err());
        assertEquals("enabled", platform.moduleState("lawyer-roster"));

        Run cascaded = asAdmin("disable", "--cascade", "lawyer-roster");
        assertEquals(0, cascaded.exit(), cascaded.err());
        assertEquals("lawyer-roster disabled\n", cascaded.out());
        assertEquals("disabled", platform.moduleState("legal-aid-night-market"));
        assertEquals(404, platform.get("/api/lawyer-roster/public/specialties").status());

        Run enabled = asAdmin("--json", "enable", "legal-aid-night-market", "--cascade");
        assertEquals(0, enabled.exit(), enabled.err());
        assertEquals("enabled", enabled.json().get("state").asText());
        assertEquals("enabled", platform.moduleState("lawyer-roster"));
    }

    @Test
    void configShowsTheSettingsAndSetsThemCheckedAgainstTheMetatype() {
        Run shown = asAdmin("config", "courier-stations");
        assertEquals(0, shown.exit(), shown.err());
        assertTrue(shown.out().contains("serviceMinutes           = 15 (default)  [1..120]"), shown.out());

        Run refused = asAdmin("config", "courier-stations", "serviceMinutes=0", "detourFactor=lots");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("serviceMinutes: must be at least 1"), refused.err());
        assertTrue(refused.err().contains("detourFactor: must be a number"), refused.err());

        Run set = asAdmin("config", "courier-stations", "serviceMinutes=25",
                "cityAreas=30.05,102.90,31.45,104.90", "cityAreas=28.00,120.20,29.40,122.00", "cityAreas=28.60,104.50,28.90,104.80");
        assertEquals(0, set.exit(), set.err());
        assertTrue(set.out().contains("courier-stations serviceMinutes = 25"), set.out());
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode settings = platform.getAsAdmin("/api/courier-stations/settings").json();
        while (settings.get("serviceMinutes").asInt() != 25 && System.currentTimeMillis() < deadline) {
            settings = platform.getAsAdmin("/api/courier-stations/settings").json();
        }
        assertEquals(25, settings.get("serviceMinutes").asInt());
        assertEquals(3, settings.get("cityAreas").size());

        Run reset = asAdmin("config", "courier-stations", "serviceMinutes=", "cityAreas=");
        assertEquals(0, reset.exit(), reset.err());
        assertTrue(reset.out().contains("courier-stations serviceMinutes = 15 (default)"), reset.out());

        Run history = asAdmin("--json", "audit", "--module", "courier-stations");
        assertEquals(0, history.exit(), history.err());
        JsonNode newest = history.json().get("items").get(0);
        assertEquals("module.config", newest.get("action").asText());
        assertEquals("admin", newest.get("actor").asText());
        assertTrue(newest.get("details").get("before").asText().contains("25"), newest.toString());
    }

    @Test
    void wrongCredentialsAreRefusedAndWrongUsageAndAnUnreachablePlatformHaveTheirOwnExitCodes() throws IOException {
        Run wrong = districtAdmin(Map.of("DISTRICT_ADMIN_URL", url, "DISTRICT_ADMIN_PASSWORD", "not-the-password"), "modules");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("Wrong user name or password."), wrong.err());

        Path passwordFile = Files.createTempFile("admin-password", "");
        Files.writeString(passwordFile, RunningPlatform.ADMIN_PASSWORD + "\n");
        Run fromFile = districtAdmin(Map.of(), "--url", url, "--user", "admin", "--password-file", passwordFile.toString(), "modules");
        assertEquals(0, fromFile.exit(), fromFile.err());

        assertEquals(2, asAdmin("enable").exit());
        assertEquals(2, asAdmin("restart", "everything").exit());
        assertEquals(1, asAdmin("enable", "no-such-module").exit());

        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Run unreachable = districtAdmin(Map.of("DISTRICT_ADMIN_PASSWORD", "x"), "--url", "http://127.0.0.1:" + closed, "modules");
        assertEquals(3, unreachable.exit());
        assertTrue(unreachable.err().contains("cannot reach the platform"), unreachable.err());
    }
}
