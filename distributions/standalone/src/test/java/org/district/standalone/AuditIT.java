package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The audit trail: who changed what, readable by auditors, and tamper-evident. */
class AuditIT {

    @Test
    void togglingAModuleIsRecordedWithWhoDidItAndTheTrailVerifies() {
        try (RunningPlatform platform = RunningPlatform.create().start()) {
            platform.postAsAdmin("/api/admin/modules/notice-board/disable", null);
            platform.postAsAdmin("/api/admin/modules/notice-board/enable", null);

            JsonNode entries = platform.getAsAdmin("/api/admin/audit?module=platform").json().get("items");
            assertEquals("module.enable", entries.at("/0/action").asText(), entries.toString());
            assertEquals("module.disable", entries.at("/1/action").asText());
            assertEquals("notice-board", entries.at("/1/subject").asText());
            assertEquals("admin", entries.at("/1/actor").asText());
            assertEquals("127.0.0.1", entries.at("/1/address").asText());
            assertEquals("disabled", entries.at("/1/details/state").asText());

            JsonNode verified = platform.getAsAdmin("/api/admin/audit/verify").json();
            assertTrue(verified.get("intact").asBoolean(), verified.toString());
            assertEquals(3, verified.get("entries").asInt(), "the admin's sign-in, the disable and the enable");

            Reply csv = platform.getAsAdmin("/api/admin/audit/export");
            assertEquals(200, csv.status());
            assertTrue(csv.contentType().startsWith("text/csv"));
            assertTrue(csv.body().startsWith("id,at,actor,address,module,action,subject,details,previous_hash,hash"), csv.body());
            assertTrue(csv.body().contains("module.disable"));
            assertEquals("export", platform.getAsAdmin("/api/admin/audit?module=platform").json().at("/items/0/action").asText(),
                    "the export is itself recorded");

            assertEquals(401, platform.get("/api/admin/audit").status());
        }
    }

    @Test
    void anEditedEntryAndADeletedEntryAreBothDetected() throws SQLException {
        try (RunningPlatform platform = RunningPlatform.create().start()) {
            for (int i = 0; i < 3; i++) {
                platform.postAsAdmin("/api/admin/modules/notice-board/disable", null);
                platform.postAsAdmin("/api/admin/modules/notice-board/enable", null);
            }
            assertTrue(platform.getAsAdmin("/api/admin/audit/verify").json().get("intact").asBoolean());

            platform.stop();
            tamper(platform, "update platform_audit set actor = 'somebody else' where id = 3");
            platform.start();
            JsonNode edited = platform.getAsAdmin("/api/admin/audit/verify").json();
            assertFalse(edited.get("intact").asBoolean(), edited.toString());
            assertEquals(3, edited.get("firstBrokenId").asInt());
            assertTrue(edited.get("problem").asText().contains("changed"), edited.toString());

            platform.stop();
            tamper(platform, "update platform_audit set actor = 'admin' where id = 3");
            tamper(platform, "delete from platform_audit where id = 5");
            platform.start();
            JsonNode deleted = platform.getAsAdmin("/api/admin/audit/verify").json();
            assertFalse(deleted.get("intact").asBoolean(), deleted.toString());
            assertEquals(6, deleted.get("firstBrokenId").asInt(), deleted.toString());
            assertTrue(deleted.get("problem").asText().contains("missing"), deleted.toString());
        }
    }

    private static void tamper(RunningPlatform platform, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl()); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(sql));
        }
    }
}
