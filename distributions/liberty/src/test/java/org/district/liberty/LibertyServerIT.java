package org.district.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the packaged server ({@code target/district-liberty.jar}, as the README starts it) on a free
 * loopback port against a fresh PostgreSQL database of its own, and speaks HTTP to it: readiness, the
 * modules, a module's public endpoint, a write that lands in PostgreSQL, a module toggled off and on,
 * and a restart of the server from a fresh folder that finds the modules as the database left them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibertyServerIT {

    private static final List<String> MODULES = List.of("courier-stations", "farm-aid-streaming", "lawyer-roster",
            "legal-aid-night-market", "notice-board");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String ADMIN_PASSWORD = "liberty-admin-" + UUID.randomUUID();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY).build();
    private final Path work = Path.of(System.getProperty("district.liberty.work", "target/it")).toAbsolutePath();
    private final String title = "Served by Open Liberty " + UUID.randomUUID();

    private String serverUrl;
    private String database;
    private String databaseUrl;
    private Process server;
    private int port;
    private int starts;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(work);
        serverUrl = System.getenv("DISTRICT_TEST_POSTGRES_URL") != null ? System.getenv("DISTRICT_TEST_POSTGRES_URL")
                : System.getProperty("district.test.postgres.url", "jdbc:postgresql://localhost:5432/postgres");
        database = "district_liberty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        databaseUrl = withDatabase(serverUrl, database);
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        port = freePort();
        startServer();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            stopServer();
        } finally {
            if (database != null) {
                try (Connection connection = admin(); Statement statement = connection.createStatement()) {
                    statement.execute("drop database if exists " + database + " with (force)");
                }
            }
        }
    }

    @Test
    @Order(1)
    void answersReadyOnItsHealthEndpoints() throws Exception {
        HttpResponse<String> ready = get("/health/ready", false);
        assertEquals(200, ready.statusCode(), ready.body());
        JsonNode health = json.readTree(get("/health", false).body());
        assertEquals("UP", health.path("checks").path("database").path("status").asText(), health.toString());
    }

    @Test
    @Order(2)
    void listsEveryModuleEnabled() throws Exception {
        HttpResponse<String> response = get("/api/admin/modules", true);
        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> states = new HashMap<>();
        json.readTree(response.body()).forEach(module -> states.put(module.path("id").asText(), module.path("state").asText()));
        for (String module : MODULES) {
            assertEquals("enabled", states.get(module), module + " in " + response.body());
        }
        assertEquals(401, get("/api/admin/modules", false).statusCode(), "the admin API without credentials");
    }

    @Test
    @Order(3)
    void servesAModulesPublicEndpoint() throws Exception {
        HttpResponse<String> services = get("/api/courier-stations/public/services", false);
        assertEquals(200, services.statusCode(), services.body());
        JsonNode list = json.readTree(services.body());
        assertTrue(list.isArray() && list.size() > 0, services.body());
    }

    @Test
    @Order(4)
    void writesThroughAModuleIntoPostgreSql() throws Exception {
        String draft = json.writeValueAsString(Map.of("title", title, "body", "Posted through Liberty's pool.", "community", "玉林街道"));
        HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/api/notice-board/notices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(draft)), true);
        assertEquals(201, posted.statusCode(), posted.body());
        assertTrue(get("/api/notice-board/notices", false).body().contains(title), "the notice is listed");
        try (Connection connection = DriverManager.getConnection(databaseUrl, credentials());
                PreparedStatement query = connection.prepareStatement("select community from notice where title = ?")) {
            query.setString(1, title);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the notice is a row in PostgreSQL");
                assertEquals("玉林街道", row.getString(1));
            }
        }
    }

    @Test
    @Order(5)
    void countsTheModulesRequestsForPrometheus() throws Exception {
        get("/api/courier-stations/public/services", false);
        HttpResponse<String> metrics = get("/metrics", false);
        assertEquals(200, metrics.statusCode(), "from loopback, /metrics answers: " + metrics.body());
        assertTrue(metrics.body().contains("district_requests_seconds_count{") && metrics.body().contains("module=\"courier-stations\""),
                "requests per module: " + metrics.body());
        assertTrue(metrics.body().contains("district_module_state{module=\"notice-board\",state=\"enabled\"} 1.0"), metrics.body());
    }

    @Test
    @Order(6)
    void togglesAModuleOffAndOn() throws Exception {
        assertEquals(200, toggle("notice-board", "disable"));
        assertEquals(404, get("/api/notice-board/notices", false).statusCode(), "a disabled module's endpoint");
        assertEquals(200, toggle("notice-board", "enable"));
        HttpResponse<String> back = get("/api/notice-board/notices", false);
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(back.body().contains(title), "the module's data is back with it");
    }

    @Test
    @Order(7)
    void keepsModuleStateInTheDatabaseAcrossARestart() throws Exception {
        // No module requires courier-stations, so it is disabled without a cascade.
        assertEquals(200, toggle("courier-stations", "disable"));
        stopServer();
        // A fresh extraction folder: nothing of the first run's framework cache or settings is there.
        startServer();
        HttpResponse<String> modules = get("/api/admin/modules", true);
        Map<String, String> states = new HashMap<>();
        json.readTree(modules.body()).forEach(module -> states.put(module.path("id").asText(), module.path("state").asText()));
        assertEquals("disabled", states.get("courier-stations"), modules.body());
        assertEquals("enabled", states.get("notice-board"), modules.body());
        assertEquals(404, get("/api/courier-stations/public/services", false).statusCode(), "still disabled after the restart");
        assertTrue(get("/api/notice-board/notices", false).body().contains(title), "the notice outlived the restart");
    }

    private int toggle(String module, String action) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/admin/modules/" + module + "/" + action))
                .POST(HttpRequest.BodyPublishers.noBody()), true).statusCode();
    }

    private HttpResponse<String> get(String path, boolean asAdmin) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), asAdmin);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean asAdmin) throws Exception {
        request.timeout(Duration.ofSeconds(30));
        if (asAdmin) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Starts the runnable jar as the README does, extracted into a folder of its own, and waits until it is ready. */
    private void startServer() throws Exception {
        Path jar = Path.of(System.getProperty("district.liberty.jar", "target/district-liberty.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no packaged server at " + jar);
        starts++;
        Path folder = work.resolve(database + "-" + starts);
        Files.createDirectories(folder);
        Path log = folder.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString())
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("DISTRICT_"));
        environment.put("WLP_JAR_EXTRACT_DIR", folder.resolve("wlp").toString());
        environment.put("DISTRICT_HTTP_HOST", "127.0.0.1");
        environment.put("DISTRICT_HTTP_PORT", Integer.toString(port));
        environment.put("DISTRICT_JDBC_URL", databaseUrl);
        environment.put("DISTRICT_JDBC_USER", credentials().getProperty("user"));
        environment.put("DISTRICT_JDBC_PASSWORD", credentials().getProperty("password", ""));
        environment.put("DISTRICT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        server = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("the server ended with " + server.exitValue() + " before it was ready:\n" + tail(log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        fail("the server was not ready after " + START_TIMEOUT.toSeconds() + " s (" + last + "):\n" + tail(log));
    }

    /** Stops the server as a terminal's Ctrl-C or a service manager does (SIGTERM), then by force if it must. */
    private void stopServer() throws InterruptedException {
        if (server == null) {
            return;
        }
        List<ProcessHandle> started = new ArrayList<>(server.descendants().toList());
        server.destroy();
        if (!server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        server = null;
        // The extracted server (about 170 MB) goes; its console output stays in server.log beside it.
        deleteTree(work.resolve(database + "-" + starts).resolve("wlp"));
    }

    private static void deleteTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left for mvn clean
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(serverUrl, credentials());
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", System.getenv().getOrDefault("DISTRICT_TEST_POSTGRES_USER", "postgres"));
        String password = System.getenv("DISTRICT_TEST_POSTGRES_PASSWORD");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** The same server's URL with another database: {@code jdbc:postgresql://host:5432/<database>}. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int slash = base.lastIndexOf('/');
        assertFalse(slash <= "jdbc:postgresql://".length(), "no database in " + url);
        return base.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
