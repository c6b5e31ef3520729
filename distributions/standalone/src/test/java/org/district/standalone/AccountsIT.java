package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each person signs in with their own account and does only what their roles allow. */
class AccountsIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.create().start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static HttpRequest.Builder as(String path, String user, String password) {
        return platform.request(path).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEditorPostsNoticesButCannotManageModulesOrReadTheAuditTrail() {
        Reply created = platform.postAsAdmin("/api/admin/accounts",
                "{\"username\":\"li.editor\",\"password\":\"chunxi-road-2026\",\"roles\":[\"notice-board.editor\"]}");
        assertEquals(201, created.status(), created.toString());

        Reply posted = platform.send(as("/api/notice-board/notices", "li.editor", "chunxi-road-2026").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Water station\",\"body\":\"Free water.\",\"community\":\"Chunxi\"}")));
        assertEquals(201, posted.status(), posted.toString());
        assertEquals(403, platform.send(as("/api/admin/modules", "li.editor", "chunxi-road-2026").GET()).status());
        assertEquals(403, platform.send(as("/api/admin/audit", "li.editor", "chunxi-road-2026").GET()).status());
        assertEquals(401, platform.send(as("/api/admin/modules", "li.editor", "wrong-password-1").GET()).status());

        assertTrue(platform.getAsAdmin("/api/admin/audit?module=platform").body().contains("\"account.create\""));
        assertTrue(!platform.getAsAdmin("/api/admin/audit?module=platform").body().contains("chunxi-road-2026"), "no password in the trail");
    }

    @Test
    void anAuditorReadsTheTrailAndNothingElse() {
        platform.postAsAdmin("/api/admin/accounts", "{\"username\":\"wang.audit\",\"password\":\"audit-the-district\",\"roles\":[\"auditor\"]}");
        assertEquals(200, platform.send(as("/api/admin/audit/verify", "wang.audit", "audit-the-district").GET()).status());
        assertEquals(403, platform.send(as("/api/admin/accounts", "wang.audit", "audit-the-district").GET()).status());
    }

    @Test
    void aPasswordChangeTakesEffectAndTheOldOneStopsWorking() {
        platform.postAsAdmin("/api/admin/accounts", "{\"username\":\"zhao.ops\",\"password\":\"first-password-1\",\"roles\":[\"admin\"]}");
        assertEquals(200, platform.send(as("/api/admin/modules", "zhao.ops", "first-password-1").GET()).status());
        assertEquals(200, platform.putAsAdmin("/api/admin/accounts/zhao.ops", "{\"password\":\"second-password-2\"}").status());
        assertEquals(401, platform.send(as("/api/admin/modules", "zhao.ops", "first-password-1").GET()).status());
        assertEquals(200, platform.send(as("/api/admin/modules", "zhao.ops", "second-password-2").GET()).status());
        assertEquals(204, platform.deleteAsAdmin("/api/admin/accounts/zhao.ops").status());
        assertEquals(401, platform.send(as("/api/admin/modules", "zhao.ops", "second-password-2").GET()).status());
    }

    @Test
    void eachModuleListsTheRolesItDeclares() {
        assertEquals("[\"notice-board.editor\"]", platform.module("notice-board").get("roles").toString());
    }

    @Test
    void badAccountsAreRefusedNamingTheField() {
        assertField(platform.postAsAdmin("/api/admin/accounts", "{\"username\":\"x\",\"password\":\"long-enough-pass\",\"roles\":[]}"), "username");
        assertField(platform.postAsAdmin("/api/admin/accounts", "{\"username\":\"short.pw\",\"password\":\"short\",\"roles\":[]}"), "password");
        assertField(platform.postAsAdmin("/api/admin/accounts",
                "{\"username\":\"some.one\",\"password\":\"long-enough-pass\",\"roles\":[\"parking.warden\"]}"), "roles[0]");
        Reply undeclared = platform.postAsAdmin("/api/admin/accounts",
                "{\"username\":\"some.one\",\"password\":\"long-enough-pass\",\"roles\":[\"notice-board.janitor\"]}");
        assertField(undeclared, "roles[0]");
        assertTrue(undeclared.body().contains("it declares notice-board.editor"), undeclared.toString());
        assertEquals(409, platform.deleteAsAdmin("/api/admin/accounts/admin").status());
        assertEquals(404, platform.deleteAsAdmin("/api/admin/accounts/nobody").status());
        platform.postAsAdmin("/api/admin/accounts", "{\"username\":\"twice\",\"password\":\"long-enough-pass\",\"roles\":[]}");
        assertEquals(409, platform.postAsAdmin("/api/admin/accounts", "{\"username\":\"twice\",\"password\":\"long-enough-pass\",\"roles\":[]}").status());
    }

    @Test
    void aModuleRoleMayBeLimitedToNodesOfTheCityAndHoldsThereOnly() {
        Reply created = platform.postAsAdmin("/api/admin/accounts", "{\"username\":\"yulin.editor\",\"password\":\"yulin-street-2026\","
                + "\"roles\":[\"notice-board.editor@武侯区 / 玉林街道\",\"notice-board.editor@锦江区\"]}");
        assertEquals(201, created.status(), created.toString());
        assertEquals("[\"notice-board.editor@武侯区/玉林街道\",\"notice-board.editor@锦江区\"]", created.json().get("roles").toString());
        Reply posted = platform.send(as("/api/notice-board/notices", "yulin.editor", "yulin-street-2026").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Water\",\"body\":\"Free water.\",\"community\":\"玉林\"}")));
        assertEquals(201, posted.status(), "a limited grant holds its role: " + posted);
        assertTrue(platform.getAsAdmin("/api/admin/audit?module=platform").body().contains("notice-board.editor@武侯区/玉林街道"),
                "the grant and its places are in the trail");

        assertField(platform.postAsAdmin("/api/admin/accounts",
                "{\"username\":\"city.wide\",\"password\":\"long-enough-pass\",\"roles\":[\"admin@武侯区\"]}"), "roles[0]");
        assertField(platform.postAsAdmin("/api/admin/accounts",
                "{\"username\":\"city.wide\",\"password\":\"long-enough-pass\",\"roles\":[\"notice-board.editor\",\"notice-board.editor@武侯区//玉林社区\"]}"), "roles[1]");
        assertField(platform.postAsAdmin("/api/admin/accounts",
                "{\"username\":\"city.wide\",\"password\":\"long-enough-pass\",\"roles\":[\"notice-board.editor@\"]}"), "roles[0]");
        assertField(platform.postAsAdmin("/api/admin/accounts",
                "{\"username\":\"city.wide\",\"password\":\"long-enough-pass\",\"roles\":[\"notice-board.editor@a/b/c/d/e\"]}"), "roles[0]");
        assertField(platform.postAsAdmin("/api/admin/accounts",
                "{\"username\":\"city.wide\",\"password\":\"long-enough-pass\",\"roles\":[\"notice-board.janitor@武侯区\"]}"), "roles[0]");
        assertEquals(404, platform.putAsAdmin("/api/admin/accounts/city.wide", "{\"roles\":[]}").status(), "nothing refused was created");
    }

    private static void assertField(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.body().contains("\"field\":\"" + field + "\""), reply.toString());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneAndEverySignInIsAudited() {
        platform.postAsAdmin("/api/admin/accounts", "{\"username\":\"chen.night\",\"password\":\"dongjie-market-7\",\"roles\":[\"auditor\"]}");
        assertEquals(200, platform.send(as("/api/admin/audit/verify", "chen.night", "dongjie-market-7").GET()).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, platform.send(as("/api/admin/audit/verify", "chen.night", "guess-" + i).GET()).status());
        }
        Reply locked = platform.send(as("/api/admin/audit/verify", "chen.night", "dongjie-market-7").GET());
        assertEquals(429, locked.status(), locked.toString());
        assertTrue(locked.body().contains("locked"), locked.toString());

        String trail = platform.getAsAdmin("/api/admin/audit?module=platform&size=200").body();
        assertTrue(trail.contains("\"action\":\"sign-in\",\"subject\":\"chen.night\""), trail);
        assertTrue(trail.contains("\"action\":\"sign-in.failed\",\"subject\":\"chen.night\""), trail);
    }

    @Test
    void aLockHoldsOnEveryNodeAndAnAdminsNewPasswordLiftsIt() {
        platform.postAsAdmin("/api/admin/accounts", "{\"username\":\"sun.nodes\",\"password\":\"two-nodes-one-city\",\"roles\":[\"auditor\"]}");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, platform.send(as("/api/admin/audit/verify", "sun.nodes", "guess-" + i).GET()).status());
        }
        assertEquals(429, platform.send(as("/api/admin/audit/verify", "sun.nodes", "two-nodes-one-city").GET()).status());
        if (RunningPlatform.onPostgres()) {
            try (RunningPlatform other = RunningPlatform.create().with("DISTRICT_JDBC_URL", platform.jdbcUrl()).start()) {
                Reply there = other.send(other.request("/api/admin/audit/verify").header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("sun.nodes:two-nodes-one-city".getBytes(StandardCharsets.UTF_8))).GET());
                assertEquals(429, there.status(), "the other node counts the same failures: " + there);
            }
        } else {
            platform.restart();
            assertEquals(429, platform.send(as("/api/admin/audit/verify", "sun.nodes", "two-nodes-one-city").GET()).status(),
                    "the failures are in the database, not in one process");
        }
        assertEquals(200, platform.putAsAdmin("/api/admin/accounts/sun.nodes", "{\"password\":\"a-new-password-3\"}").status());
        assertEquals(200, platform.send(as("/api/admin/audit/verify", "sun.nodes", "a-new-password-3").GET()).status(),
                "an admin's new password unlocks the account");
    }
}
