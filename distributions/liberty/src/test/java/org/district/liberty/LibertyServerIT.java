package org.district.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    private final ObjectMapper json = new ObjectMapper();
    private final String title = "Served by Open Liberty " + UUID.randomUUID();
    private LibertyServer server;

    @BeforeAll
    void start() throws Exception {
        server = LibertyServer.of(Path.of(System.getProperty("district.liberty.jar", "target/district-liberty.jar")),
                Path.of(System.getProperty("district.liberty.work", "target/it"))).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
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
        HttpResponse<String> posted = server.send(HttpRequest.newBuilder(server.uri("/api/notice-board/notices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(draft)), true);
        assertEquals(201, posted.statusCode(), posted.body());
        assertTrue(get("/api/notice-board/notices", false).body().contains(title), "the notice is listed");
        try (Connection connection = server.database();
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
        server.stop();
        // A fresh extraction folder: nothing of the first run's framework cache or settings is there.
        server.start();
        HttpResponse<String> modules = get("/api/admin/modules", true);
        Map<String, String> states = new HashMap<>();
        json.readTree(modules.body()).forEach(module -> states.put(module.path("id").asText(), module.path("state").asText()));
        assertEquals("disabled", states.get("courier-stations"), modules.body());
        assertEquals("enabled", states.get("notice-board"), modules.body());
        assertEquals(404, get("/api/courier-stations/public/services", false).statusCode(), "still disabled after the restart");
        assertTrue(get("/api/notice-board/notices", false).body().contains(title), "the notice outlived the restart");
    }

    private int toggle(String module, String action) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/admin/modules/" + module + "/" + action))
                .POST(HttpRequest.BodyPublishers.noBody()), true).statusCode();
    }

    private HttpResponse<String> get(String path, boolean asAdmin) throws Exception {
        return server.get(path, asAdmin);
    }
}
