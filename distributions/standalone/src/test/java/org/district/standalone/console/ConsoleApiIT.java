package org.district.standalone.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the console stands on, over HTTP: the console pages of the enabled modules each user may
 * see, the console's files and the modules' files (gone with their module), and a module's
 * settings as its Metatype describes them, changed only with values that hold to it.
 */
@Timeout(120)
class ConsoleApiIT {

    private static final String PID = "org.district.plugins.courierstations";
    private static final String CONFIG = "/api/admin/modules/courier-stations/config";
    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.create().start();
        platform.addAccount("li.coordinator", "night-market-coordinator", "legal-aid-night-market.coordinator");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static Reply getAs(String user, String password, String path) {
        return platform.send(platform.request(path).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET());
    }

    private static List<String> pageIds(Reply reply) {
        List<String> ids = new ArrayList<>();
        reply.json().forEach(page -> ids.add(page.get("module").asText() + "/" + page.get("id").asText()));
        return ids;
    }

    @Test
    void eachUserIsListedThePagesOfTheEnabledModulesTheirRolesAllow() {
        Reply all = platform.getAsAdmin("/api/console/pages");
        assertEquals(200, all.status());
        assertEquals(List.of("courier-stations/map", "farm-aid-streaming/sales", "lawyer-roster/roster", "legal-aid-night-market/schedule"), pageIds(all));
        JsonNode map = all.json().get(0);
        assertEquals("驿站地图", map.get("title").get("zh-CN").asText());
        assertEquals("Station map", map.get("title").get("en").asText());
        assertEquals("/console/modules/courier-stations/map.js", map.get("script").asText());

        assertEquals(List.of("legal-aid-night-market/schedule"), pageIds(getAs("li.coordinator", "night-market-coordinator", "/api/console/pages")));
        assertEquals(401, platform.get("/api/console/pages").status());
    }

    @Test
    void aModulesPageAndItsFilesGoWithTheModuleAndComeBackWithIt() {
        assertEquals(200, platform.get("/console/modules/farm-aid-streaming/sales.js").status());
        assertEquals(200, platform.postAsAdmin("/api/admin/modules/farm-aid-streaming/disable", null).status());
        try {
            assertEquals(404, platform.get("/console/modules/farm-aid-streaming/sales.js").status());
            assertTrue(!pageIds(platform.getAsAdmin("/api/console/pages")).contains("farm-aid-streaming/sales"));
        } finally {
            assertEquals(200, platform.postAsAdmin("/api/admin/modules/farm-aid-streaming/enable", null).status());
        }
        assertEquals(200, platform.get("/console/modules/farm-aid-streaming/sales.js").status());
        assertTrue(pageIds(platform.getAsAdmin("/api/console/pages")).contains("farm-aid-streaming/sales"));
    }

    @Test
    void theConsolesFilesCarryTheSecureHeadersAndNothingOutsideItIsServed() {
        Reply index = platform.get("/console/");
        assertEquals(200, index.status());
        assertTrue(index.contentType().startsWith("text/html"));
        assertEquals("default-src 'self'; img-src 'self' https:; frame-ancestors 'none'", index.headers().get("content-security-policy").get(0));
        assertEquals("DENY", index.headers().get("x-frame-options").get(0));
        assertEquals("/console/", platform.send(platform.request("/console").GET()).headers().get("location").get(0));

        Reply leaflet = platform.get("/console/lib/leaflet/1.9.4/dist/leaflet.js");
        assertEquals(200, leaflet.status());
        assertEquals("public, max-age=31536000, immutable", leaflet.headers().get("cache-control").get(0));
        assertEquals(200, platform.get("/console/lib/chart.js/4.5.1/dist/chart.umd.js").status());

        for (String path : List.of("/console/%2e%2e/META-INF/MANIFEST.MF", "/console/modules/courier-stations/%2e%2e/%2e%2e/OSGI-INF/l10n/bundle.properties",
                "/console/modules/courier-stations/", "/console/modules/no-such-module/map.js", "/console//console.js",
                "/console/org/district/platform/console/internal/ConsoleServlet.class")) {
            // Jetty refuses encoded dot segments itself (400); the console answers the rest with its 404 problem
            Reply reply = platform.get(path);
            assertTrue(reply.status() == 404 && reply.isProblem() || reply.status() == 400, path + ": " + reply);
        }
        assertEquals(405, platform.send(platform.request("/console/console.js").POST(HttpRequest.BodyPublishers.noBody())).status());
    }

    @Test
    void theSettingsFormIsDescribedByTheModulesMetatype() {
        JsonNode configuration = platform.getAsAdmin(CONFIG + "?lang=zh-CN").json().get("configurations").get(0);
        assertEquals(PID, configuration.get("pid").asText());
        JsonNode minutes = setting(configuration, "serviceMinutes");
        assertEquals("integer", minutes.get("type").asText());
        assertEquals("1", minutes.get("min").asText());
        assertEquals("120", minutes.get("max").asText());
        assertTrue(minutes.get("required").asBoolean());
        assertEquals("15", minutes.get("defaults").get(0).asText());
        JsonNode areas = setting(configuration, "cityAreas");
        assertEquals("string", areas.get("type").asText());
        assertTrue(areas.get("cardinality").asInt() > 1);
        assertTrue(!setting(configuration, "mapTiles").get("required").asBoolean());

        assertEquals(0, platform.getAsAdmin("/api/admin/modules/farm-aid-streaming/config").json().get("configurations").size());
        assertEquals(404, platform.getAsAdmin("/api/admin/modules/no-such-module/config").status());
        assertEquals(403, getAs("li.coordinator", "night-market-coordinator", CONFIG).status());
    }

    private static JsonNode setting(JsonNode configuration, String id) {
        for (JsonNode setting : configuration.get("settings")) {
            if (setting.get("id").asText().equals(id)) {
                return setting;
            }
        }
        throw new AssertionError("no setting " + id + " in " + configuration);
    }

    @Test
    void wrongValuesAreRefusedByNameAllOrNothingAndAGoodChangeIsAuditedWithBeforeAndAfter() {
        Reply refused = platform.putAsAdmin(CONFIG + "/" + PID, "{\"duplicateWindowMinutes\": 30, \"serviceMinutes\": 121, \"detourFactor\": \"far\", \"colour\": \"red\"}");
        assertEquals(400, refused.status());
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asText() + ": " + e.get("message").asText()));
        assertEquals(List.of("serviceMinutes: must be at most 120", "detourFactor: must be a number", "colour: is not a setting of " + PID), fields);
        // all or nothing: the valid duplicateWindowMinutes was not written either
        assertEquals(10, platform.getAsAdmin("/api/courier-stations/settings").json().get("duplicateWindowMinutes").asInt());

        assertEquals(400, platform.putAsAdmin(CONFIG + "/" + PID, "{\"serviceMinutes\": {\"value\": 20}}").status());
        assertEquals(400, platform.putAsAdmin(CONFIG + "/" + PID, "{}").status());
        assertEquals(404, platform.putAsAdmin(CONFIG + "/org.district.no.such.pid", "{\"a\": 1}").status());

        Reply changed = platform.putAsAdmin(CONFIG + "/" + PID, "{\"duplicateWindowMinutes\": 30}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(30, setting(changed.json(), "duplicateWindowMinutes").get("value").asInt());
        JsonNode entry = platform.getAsAdmin("/api/admin/audit?about=courier-stations").json().get("items").get(0);
        assertEquals("module.config", entry.get("action").asText());
        assertEquals("admin", entry.get("actor").asText());
        assertEquals(PID, entry.get("details").get("pid").asText());
        assertEquals("{\"duplicateWindowMinutes\":\"(default)\"}", entry.get("details").get("before").asText());
        assertEquals("{\"duplicateWindowMinutes\":30}", entry.get("details").get("after").asText());

        // the same value again changes nothing and records nothing
        long entries = platform.getAsAdmin("/api/admin/audit?about=courier-stations").json().get("total").asLong();
        assertEquals(200, platform.putAsAdmin(CONFIG + "/" + PID, "{\"duplicateWindowMinutes\": \"30\"}").status());
        assertEquals(entries, platform.getAsAdmin("/api/admin/audit?about=courier-stations").json().get("total").asLong());
        assertEquals(200, platform.putAsAdmin(CONFIG + "/" + PID, "{\"duplicateWindowMinutes\": null}").status());
    }
}
