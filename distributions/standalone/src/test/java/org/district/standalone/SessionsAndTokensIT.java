package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console signs in once and carries a session cookie, every change with the session's CSRF
 * token; scripts use API tokens that expire, can be revoked, and carry only the roles they are
 * scoped to.
 */
class SessionsAndTokensIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.withTestModules().start();
        platform.addAccount("wang.auditor", "auditor-password-1", "auditor");
        platform.addAccount("zhao.editor", "editor-password-1", "notice-board.editor");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static String header(Reply reply, String name) {
        return reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> String.join("; ", e.getValue())).findFirst().orElse(null);
    }

    private record Session(String cookie, String csrf) {
    }

    private static Session signIn(String username, String password) {
        Reply reply = platform.send(platform.request("/api/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
        assertEquals(201, reply.status(), reply.toString());
        String setCookie = header(reply, "Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP on loopback: " + setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertTrue(cookie.startsWith("district_session="), setCookie);
        return new Session(cookie, reply.json().get("csrfToken").asText());
    }

    private static HttpRequest.Builder with(Session session, String path) {
        return platform.request(path).header("Cookie", session.cookie()).header("X-Requested-With", "district-console");
    }

    @Test
    void aConsoleSessionReadsFreelyAndChangesOnlyWithItsCsrfToken() {
        Reply wrong = platform.send(platform.request("/api/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"not-it\"}")));
        assertEquals(401, wrong.status());
        assertTrue(wrong.isProblem());

        Session session = signIn("admin", RunningPlatform.ADMIN_PASSWORD);
        Reply me = platform.send(with(session, "/api/session").GET());
        assertEquals("admin", me.json().get("username").asText());
        assertEquals(session.csrf(), me.json().get("csrfToken").asText());
        assertEquals(200, platform.send(with(session, "/api/admin/modules").GET()).status());

        Reply forged = platform.send(with(session, "/api/admin/modules/notice-board/disable").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, forged.status(), forged.toString());
        assertTrue(forged.json().get("detail").asText().contains("X-CSRF-Token"), forged.toString());
        assertEquals("enabled", platform.moduleState("notice-board"), "nothing changed");

        Reply disabled = platform.send(with(session, "/api/admin/modules/notice-board/disable").header("X-CSRF-Token", session.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, disabled.status(), disabled.toString());
        Reply enabled = platform.send(with(session, "/api/admin/modules/notice-board/enable").header("X-CSRF-Token", session.csrf())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, enabled.status(), enabled.toString());

        Reply out = platform.send(with(session, "/api/session").header("X-CSRF-Token", session.csrf()).DELETE());
        assertEquals(204, out.status());
        assertTrue(header(out, "Set-Cookie").contains("Max-Age=0"), header(out, "Set-Cookie"));
        Reply after = platform.send(with(session, "/api/admin/modules").GET());
        assertEquals(401, after.status());
        assertTrue(after.json().get("detail").asText().contains("signed out"), after.toString());
        assertNull(header(after, "WWW-Authenticate"), "no browser password dialog over the console");
        assertEquals(200, platform.send(with(session, "/api/notice-board/notices").GET()).status(), "public pages ignore an ended session");
    }

    @Test
    void aSessionActsWithItsAccountsRolesAndEndsWhenThePasswordChanges() {
        Session session = signIn("zhao.editor", "editor-password-1");
        assertEquals(403, platform.send(with(session, "/api/admin/modules").GET()).status());
        Reply posted = platform.send(with(session, "/api/notice-board/notices").header("X-CSRF-Token", session.csrf())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Lawyers on Friday\",\"body\":\"At the east gate.\",\"community\":\"Dongjie\"}")));
        assertEquals(201, posted.status(), posted.toString());

        assertEquals(200, platform.putAsAdmin("/api/admin/accounts/zhao.editor", "{\"password\":\"editor-password-2\"}").status());
        Reply ended = platform.send(with(session, "/api/session").GET());
        assertEquals(401, ended.status(), ended.toString());
    }

    @Test
    void anApiTokenCarriesOnlyItsScopesAndStopsWhenRevoked() {
        Reply created = platform.postAsAdmin("/api/tokens", "{\"name\":\"nightly audit export\",\"scopes\":[\"auditor\"],\"expiresInDays\":30}");
        assertEquals(201, created.status(), created.toString());
        String token = created.json().get("token").asText();
        String id = created.json().get("id").asText();
        assertTrue(token.startsWith("dst_") && token.length() > 40, token);

        HttpRequest.Builder audit = platform.request("/api/admin/audit").header("Authorization", "Bearer " + token);
        assertEquals(200, platform.send(audit.GET()).status());
        Reply modules = platform.send(platform.request("/api/admin/modules").header("Authorization", "Bearer " + token).GET());
        assertEquals(403, modules.status(), "an admin's token scoped to auditor is an auditor: " + modules);

        Reply listed = platform.getAsAdmin("/api/tokens");
        assertTrue(listed.body().contains("nightly audit export") && !listed.body().contains(token), "listed, never with its secret");
        assertTrue(platform.getAsAdmin("/api/admin/audit?module=platform").body().contains("token.create"));

        assertEquals(204, platform.deleteAsAdmin("/api/tokens/" + id).status());
        Reply revoked = platform.send(platform.request("/api/admin/audit").header("Authorization", "Bearer " + token).GET());
        assertEquals(401, revoked.status());
        assertTrue(revoked.json().get("detail").asText().contains("revoked"), revoked.toString());

        Reply unknown = platform.send(platform.request("/api/admin/audit").header("Authorization", "Bearer dst_nothing").GET());
        assertEquals(401, unknown.status());
    }

    @Test
    void aTokenCannotBeScopedBeyondItsAccountAndAdminsSeeEveryAccountsTokens() {
        Reply refused = platform.send(platform.request("/api/tokens").header("Content-Type", "application/json")
                .header("Authorization", basic("wang.auditor", "auditor-password-1"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"sneaky\",\"scopes\":[\"admin\"]}")));
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("scopes[0]", refused.json().at("/errors/0/field").asText());

        Reply mine = platform.send(platform.request("/api/tokens").header("Content-Type", "application/json")
                .header("Authorization", basic("wang.auditor", "auditor-password-1"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"monthly report\"}")));
        assertEquals(201, mine.status(), mine.toString());
        assertEquals(90, java.time.Duration.between(java.time.Instant.now(),
                java.time.Instant.parse(mine.json().get("expiresAt").asText())).toDays() + 1, "90 days unless asked otherwise");
        Reply all = platform.getAsAdmin("/api/admin/tokens?username=wang.auditor");
        assertEquals(1, all.json().size(), all.toString());
        assertEquals(204, platform.deleteAsAdmin("/api/admin/tokens/" + mine.json().get("id").asText()).status());
        assertFalse(platform.getAsAdmin("/api/admin/tokens?username=wang.auditor").json().get(0).get("active").asBoolean());
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
