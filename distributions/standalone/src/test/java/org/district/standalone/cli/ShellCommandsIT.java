package org.district.standalone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.district.platform.testkit.RunningPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code district:} commands of the Felix Gogo shell, typed into a platform started in a
 * terminal as an ops engineer starts it ({@code bin/district} in a pseudo-terminal made by
 * util-linux {@code script}), checked over HTTP; and a setting made there still in force after a
 * restart.
 */
@Timeout(180)
class ShellCommandsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path root;
    private int port;
    private Process process;
    private final StringBuffer output = new StringBuffer();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Starts bin/district in a pseudo-terminal, so that it opens the Gogo shell, and waits for it. */
    private void startInTerminal() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("district-shell-");
            Path plugins = Files.createDirectories(root.resolve("plugins"));
            try (Stream<Path> shipped = Files.list(RunningPlatform.HOME.resolve("plugins"))) {
                for (Path jar : shipped.toList()) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                }
            }
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
        }
        String district = RunningPlatform.HOME.resolve("bin/district").toAbsolutePath().toString();
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", district, "/dev/null").redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("DISTRICT_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        builder.environment().put("TERM", "dumb");
        builder.environment().put("DISTRICT_DATA_DIR", root.resolve("data").toString());
        builder.environment().put("DISTRICT_PLUGINS_DIR", root.resolve("plugins").toString());
        builder.environment().put("DISTRICT_HTTP_HOST", "127.0.0.1");
        builder.environment().put("DISTRICT_HTTP_PORT", Integer.toString(port));
        builder.environment().put("DISTRICT_ADMIN_PASSWORD", RunningPlatform.ADMIN_PASSWORD);
        output.setLength(0);
        process = builder.start();
        Thread reader = new Thread(() -> copy(process.getInputStream()), "shell-output");
        reader.setDaemon(true);
        reader.start();
        awaitOutput("District platform ready on", 0);
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits until {@code text} appears in the output after {@code from}; answers the output from there. */
    private String awaitOutput(String text, int from) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String since = output.substring(Math.min(from, output.length()));
            if (since.contains(text)) {
                return since;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the platform ended:\n" + output);
            }
            Thread.onSpinWait();
            try {
                process.waitFor(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("'" + text + "' did not appear; the terminal showed:\n" + output);
    }

    /** Types a command line and answers what the shell printed until {@code expected} appeared. */
    private String type(String line, String expected) throws IOException {
        int from = output.length();
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        return awaitOutput(expected, from);
    }

    private JsonNode getAsAdmin(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(RunningPlatform.asAdmin(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return RunningPlatform.JSON.readTree(response.body());
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theDistrictCommandsListToggleAndConfigureModulesAndASettingOutlivesARestart() throws Exception {
        startInTerminal();
        String modules = type("district:modules", "notice-board");
        assertTrue(modules.lines().anyMatch(l -> l.matches("courier-stations\\s+1\\.0\\.0\\s+enabled\\s*")), modules);

        // dependencies hold in the shell too
        String refused = type("district:disable lawyer-roster", "disable with cascade=true");
        assertTrue(refused.contains("is required by 'legal-aid-night-market'"), refused);
        type("district:disable --cascade lawyer-roster", "lawyer-roster disabled");
        assertEquals(404, status("/api/legal-aid-night-market/public/markets"));
        type("district:enable --cascade legal-aid-night-market", "legal-aid-night-market enabled");
        assertEquals(200, status("/api/legal-aid-night-market/public/markets"));

        String shown = type("district:config courier-stations", "cityAreas");
        assertTrue(shown.contains("serviceMinutes           = 15 (default)  [1..120]"), shown);
        String outOfRange = type("district:config courier-stations serviceMinutes=500", "must be at most 120");
        assertTrue(outOfRange.contains("serviceMinutes: must be at most 120"), outOfRange);
        type("district:config courier-stations serviceMinutes=30", "courier-stations serviceMinutes = 30");
        long deadline = System.currentTimeMillis() + 10_000;
        while (getAsAdmin("/api/courier-stations/settings").get("serviceMinutes").asInt() != 30 && System.currentTimeMillis() < deadline) {
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        assertEquals(30, getAsAdmin("/api/courier-stations/settings").get("serviceMinutes").asInt());

        // the audit trail names the shell as the actor of each change
        JsonNode history = getAsAdmin("/api/admin/audit?about=courier-stations").get("items");
        assertEquals("module.config", history.get(0).get("action").asText());
        assertEquals("shell", history.get(0).get("actor").asText());
        List<String> toggles = List.of(getAsAdmin("/api/admin/audit?about=lawyer-roster").get("items").findValuesAsText("actor").toArray(String[]::new));
        assertTrue(toggles.contains("shell"), toggles.toString());

        // ConfigAdmin keeps the setting in the data folder
        stop();
        startInTerminal();
        assertEquals(30, getAsAdmin("/api/courier-stations/settings").get("serviceMinutes").asInt());
        type("district:config courier-stations serviceMinutes=", "serviceMinutes = 15 (default)");
    }
}
