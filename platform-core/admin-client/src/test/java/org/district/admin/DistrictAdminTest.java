package org.district.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the client does before and without a platform: usage, credentials, an unreachable address, its JSON. */
class DistrictAdminTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return DistrictAdmin.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheCommandsAndSucceeds() {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("disable ID [--cascade]"));
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, run(Map.of("DISTRICT_ADMIN_PASSWORD", "x")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no command given"));
    }

    @Test
    void anUnknownOptionOrCommandIsAUsageError() {
        assertEquals(2, run(Map.of("DISTRICT_ADMIN_PASSWORD", "x"), "modules", "--verbose"));
        assertEquals(2, run(Map.of("DISTRICT_ADMIN_PASSWORD", "x", "DISTRICT_ADMIN_URL", "http://127.0.0.1:1"), "reboot"));
    }

    @Test
    void withoutAPasswordNothingIsSent() {
        assertEquals(2, run(Map.of(), "modules"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("DISTRICT_ADMIN_PASSWORD"));
    }

    @Test
    void aPlatformThatDoesNotAnswerIsExitCodeThree() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertEquals(3, run(Map.of("DISTRICT_ADMIN_PASSWORD", "x"), "--url", "http://127.0.0.1:" + port, "modules"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot reach the platform"));
    }

    @Test
    void jsonReadsWhatThePlatformWritesAndWritesWhatItReads() {
        Object parsed = Json.parse("{\"id\":\"courier-stations\",\"n\":20,\"list\":[\"a,b\",\"驿站\\u0021\"],\"none\":null,\"ok\":true}");
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals("courier-stations", map.get("id"));
        assertEquals(List.of("a,b", "驿站!"), map.get("list"));
        assertTrue(map.containsKey("none"));
        assertEquals("{\"id\":\"courier-stations\",\"n\":20,\"list\":[\"a,b\",\"驿站!\"],\"none\":null,\"ok\":true}", Json.write(parsed));
    }
}
