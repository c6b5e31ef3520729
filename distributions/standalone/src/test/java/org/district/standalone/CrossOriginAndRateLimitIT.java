package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front ends a city names may call the API from their pages, other sites' pages may not; and
 * a client calling public endpoints without signing in is slowed down past the configured rate.
 */
class CrossOriginAndRateLimitIT {

    private static final String PORTAL = "https://portal.city.example";
    private static final int LIMIT = 8;
    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.withTestModules()
                .with("DISTRICT_CORS_ORIGINS", PORTAL + ", https://mini.city.example")
                .with("DISTRICT_PUBLIC_RATE_LIMIT", Integer.toString(LIMIT))
                .start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static String header(Reply reply, String name) {
        return reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
    }

    @Test
    void aListedFrontEndMayCallTheApiFromItsPages() {
        Reply preflight = platform.send(RunningPlatform.asAdmin(platform.request("/api/notice-board/notices")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")));
        assertEquals(204, preflight.status(), preflight.toString());
        assertEquals(PORTAL, header(preflight, "Access-Control-Allow-Origin"));
        assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("POST"));
        assertTrue(header(preflight, "Access-Control-Allow-Headers").contains("Authorization"));
        assertEquals(null, header(preflight, "Access-Control-Allow-Credentials"), "credentials travel in a header, never as cookies");

        Reply read = platform.send(RunningPlatform.asAdmin(platform.request("/api/admin/modules").header("Origin", PORTAL).GET()));
        assertEquals(200, read.status());
        assertEquals(PORTAL, header(read, "Access-Control-Allow-Origin"));
        assertTrue(header(read, "Vary").contains("Origin"));
    }

    @Test
    void anyOtherSiteIsRefusedAtThePreflightAndGetsNoGrant() {
        Reply preflight = platform.send(platform.request("/api/notice-board/notices")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE"));
        assertEquals(403, preflight.status(), preflight.toString());
        assertTrue(preflight.isProblem());
        assertTrue(preflight.json().get("detail").asText().contains("https://evil.example"), preflight.toString());
        assertEquals(null, header(preflight, "Access-Control-Allow-Origin"));

        Reply read = platform.send(RunningPlatform.asAdmin(platform.request("/api/admin/modules").header("Origin", "https://evil.example").GET()));
        assertEquals(null, header(read, "Access-Control-Allow-Origin"), "the browser keeps the answer from the other site");
    }

    @Test
    void publicCallsPastTheRateAreAnswered429WithWhenToComeBack() {
        // Other tests of this class spend part of the budget too: count until refused, within bounds.
        int accepted = 0;
        Reply refused = null;
        for (int i = 0; i < LIMIT + 2 && refused == null; i++) {
            Reply reply = platform.get("/api/notice-board/notices");
            if (reply.status() == 429) {
                refused = reply;
            } else {
                assertEquals(200, reply.status(), reply.toString());
                accepted++;
            }
        }
        assertTrue(refused != null, "refused within " + (LIMIT + 2) + " calls");
        assertTrue(accepted <= LIMIT, accepted + " accepted");
        assertTrue(refused.isProblem(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains(LIMIT + " requests a minute"), refused.toString());
        long retryAfter = Long.parseLong(header(refused, "Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        // Signed-in work and the health probes go on.
        assertEquals(200, platform.getAsAdmin("/api/admin/modules").status());
        assertEquals(200, platform.get("/health/ready").status());
        assertFalse(List.of(200).contains(platform.get("/api/notice-board/notices").status()), "still limited");
    }

    @Test
    void behindTheCitysProxyEachClientHasItsOwnBudgetAndAForgedHeaderBuysNothing() {
        // The test's requests come from loopback, which is a trusted proxy by default: each forwarded client counts alone.
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(200, platform.send(platform.request("/api/notice-board/notices").header("X-Forwarded-For", "198.51.100.1").GET()).status());
        }
        assertEquals(429, platform.send(platform.request("/api/notice-board/notices").header("X-Forwarded-For", "198.51.100.1").GET()).status());
        assertEquals(200, platform.send(platform.request("/api/notice-board/notices").header("X-Forwarded-For", "198.51.100.2").GET()).status(),
                "another rider behind the same proxy");
        assertEquals(429, platform.send(platform.request("/api/notice-board/notices").header("X-Forwarded-For", "203.0.113.5, 198.51.100.1").GET())
                .status(), "what the client wrote before the proxy's entry is not believed");
    }
}
