package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics}: each module's requests by method and status class, the module states, the
 * connection pool and the JVM, in the Prometheus text format, for this machine or a scraper with the
 * node's token, and for no one else.
 */
class MetricsIT {

    private static final String TOKEN = "scrape-token-for-the-test";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        // On every address, so that a request can come from this machine's other (non-loopback) address.
        platform = RunningPlatform.create().with("DISTRICT_HTTP_HOST", "0.0.0.0").with("DISTRICT_METRICS_TOKEN", TOKEN).start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aModulesRequestsAreCountedByMethodAndStatusClass() {
        double ok = sample(metrics(), "district_requests_seconds_count", Map.of("module", "notice-board", "method", "GET", "status", "2xx"));
        double missing = sample(metrics(), "district_requests_seconds_count", Map.of("module", "notice-board", "method", "GET", "status", "4xx"));
        for (int i = 0; i < 3; i++) {
            Reply notices = platform.get("/api/notice-board/notices");
            assertEquals(200, notices.status(), notices.toString());
        }
        Reply notFound = platform.get("/api/notice-board/notices/987654321");
        assertEquals(404, notFound.status(), notFound.toString());

        String text = metrics();
        assertEquals(ok + 3, sample(text, "district_requests_seconds_count", Map.of("module", "notice-board", "method", "GET", "status", "2xx")), text);
        assertEquals(missing + 1, sample(text, "district_requests_seconds_count", Map.of("module", "notice-board", "method", "GET", "status", "4xx")), text);
        assertTrue(sample(text, "district_requests_seconds_sum", Map.of("module", "notice-board", "method", "GET", "status", "2xx")) > 0, text);
        // latency buckets for quantiles, and no path anywhere in the tags
        assertTrue(text.contains("district_requests_seconds_bucket{"), text);
        assertFalse(text.contains("987654321"), "a path must never become a tag");
    }

    @Test
    void theModuleStateGaugeFollowsAModuleBeingDisabledAndEnabled() {
        Map<String, String> enabled = Map.of("module", "notice-board", "state", "enabled");
        Map<String, String> disabled = Map.of("module", "notice-board", "state", "disabled");
        String before = metrics();
        assertEquals(1.0, sample(before, "district_module_state", enabled), before);
        assertEquals(0.0, sample(before, "district_module_state", disabled), before);
        assertEquals(1.0, sample(before, "district_module_state", Map.of("module", "lawyer-roster", "state", "enabled")), before);
        try {
            Reply off = platform.postAsAdmin("/api/admin/modules/notice-board/disable?cascade=true", null);
            assertEquals(200, off.status(), off.toString());
            String after = metrics();
            assertEquals(0.0, sample(after, "district_module_state", enabled), after);
            assertEquals(1.0, sample(after, "district_module_state", disabled), after);
            assertEquals(0.0, sample(after, "district_module_state", Map.of("module", "notice-board", "state", "failed")), after);
        } finally {
            platform.postAsAdmin("/api/admin/modules/notice-board/enable", null);
        }
        assertEquals(1.0, sample(metrics(), "district_module_state", enabled));
    }

    @Test
    void theConnectionPoolAndTheJvmAreReported() {
        String text = metrics();
        Map<String, String> pool = Map.of("pool", "district");
        assertEquals(10.0, sample(text, "hikaricp_connections_max", pool), text);
        assertTrue(sample(text, "hikaricp_connections", pool) >= 1, text);
        assertTrue(sample(text, "hikaricp_connections_active", pool) >= 0, text);
        assertTrue(sample(text, "hikaricp_connections_idle", pool) >= 0, text);
        assertTrue(sample(text, "hikaricp_connections_pending", pool) >= 0, text);
        assertTrue(text.contains("jvm_memory_used_bytes{"), text);
        assertTrue(text.contains("jvm_threads_live_threads "), text);
        assertTrue(text.contains("process_uptime_seconds "), text);
    }

    @Test
    void aForwardingHeaderOrAWrongTokenIsRefusedEvenFromThisMachineAndTheRightTokenIsLetIn() {
        Reply forwarded = platform.send(platform.request("/metrics").header("X-Forwarded-For", "127.0.0.1").GET());
        assertEquals(403, forwarded.status(), forwarded.toString());
        Reply wrong = platform.send(platform.request("/metrics").header("Authorization", "Bearer not-the-token").GET());
        assertEquals(403, wrong.status(), wrong.toString());
        Reply admin = platform.send(RunningPlatform.asAdmin(platform.request("/metrics").header("X-Forwarded-For", "10.1.2.3")).GET());
        assertEquals(403, admin.status(), "metrics take the scrape token, not an account: " + admin);
        Reply right = platform.send(platform.request("/metrics").header("X-Forwarded-For", "10.1.2.3")
                .header("Authorization", "Bearer " + TOKEN).GET());
        assertEquals(200, right.status(), right.toString());
        assertTrue(right.body().contains("district_module_state{"), right.body());
    }

    @Test
    void fromAnotherAddressOnlyTheTokenLetsAScraperIn() throws Exception {
        InetAddress other = nonLoopbackAddress();
        Assumptions.assumeTrue(other != null, "this machine has no address but loopback");
        URI uri = platform.request("/metrics").build().uri();
        URI elsewhere = new URI("http", null, other.getHostAddress(), uri.getPort(), "/metrics", null, null);
        Reply anonymous = platform.send(HttpRequest.newBuilder(elsewhere).GET());
        assertEquals(403, anonymous.status(), anonymous.toString());
        assertTrue(anonymous.body().contains("Bearer"), anonymous.body());
        Reply wrong = platform.send(HttpRequest.newBuilder(elsewhere).header("Authorization", "Bearer " + TOKEN + "x").GET());
        assertEquals(403, wrong.status(), wrong.toString());
        Reply scraper = platform.send(HttpRequest.newBuilder(elsewhere).header("Authorization", "Bearer " + TOKEN).GET());
        assertEquals(200, scraper.status(), scraper.toString());
        assertTrue(scraper.contentType().startsWith("text/plain; version=0.0.4"), scraper.contentType());
    }

    // --- reading the text format

    private static String metrics() {
        Reply reply = platform.get("/metrics");
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("text/plain; version=0.0.4"), reply.contentType());
        return reply.body();
    }

    /** The value of the one sample of this name whose labels include these; 0 when there is none yet. */
    private static double sample(String text, String name, Map<String, String> labels) {
        Double found = null;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(name)) {
                Map<String, String> has = new LinkedHashMap<>();
                if (sample.group(2) != null) {
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        has.put(label.group(1), label.group(2));
                    }
                }
                if (has.entrySet().containsAll(labels.entrySet())) {
                    assertEquals(null, found, "more than one sample " + name + labels + " in\n" + text);
                    found = Double.parseDouble(sample.group(3));
                }
            }
        }
        return found == null ? 0 : found;
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (face.isUp() && !face.isLoopback()) {
                for (InetAddress address : Collections.list(face.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        assertNotNull(address.getHostAddress());
                        return address;
                    }
                }
            }
        }
        return null;
    }
}
