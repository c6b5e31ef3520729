package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.Test;

/** Starting, stopping and starting again: what is kept, and what a start that cannot succeed says. */
class LifecycleIT {

    @Test
    void theEnabledSetAndTheDataSurviveARestart() {
        try (RunningPlatform platform = RunningPlatform.withTestModules().start()) {
            Reply posted = platform.postAsAdmin("/api/notice-board/notices",
                    "{\"title\":\"Legal aid on Friday\",\"body\":\"Lawyers at the Dongjie market entrance.\",\"community\":\"Dongjie\"}");
            long id = posted.json().get("id").asLong();
            platform.postAsAdmin("/api/admin/modules/notice-board/disable", null);

            platform.restart();
            assertEquals("disabled", platform.moduleState("notice-board"));
            assertEquals(404, platform.get("/api/notice-board/notices").status());

            platform.postAsAdmin("/api/admin/modules/notice-board/enable", null);
            platform.restart();
            assertEquals("enabled", platform.moduleState("notice-board"));
            assertEquals("Legal aid on Friday", platform.get("/api/notice-board/notices/" + id).json().get("title").asText());
        }
    }

    @Test
    void withoutAConfiguredPasswordTheAdminPasswordIsGeneratedAndPrintedOnce() {
        try (RunningPlatform platform = RunningPlatform.withTestModules().with("DISTRICT_ADMIN_PASSWORD", null).start()) {
            Matcher printed = Pattern.compile("password: (\\S+)").matcher(platform.output());
            assertTrue(printed.find(), platform.output());
            String password = printed.group(1);
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
            assertEquals(200, platform.send(platform.request("/api/admin/modules").header("Authorization", basic).GET()).status());

            platform.restart();
            assertTrue(!platform.output().contains("password:"), "shown only once");
            assertEquals(200, platform.send(platform.request("/api/admin/modules").header("Authorization", basic).GET()).status());
        }
    }

    @Test
    void demoDataIsLoadedOnceWhenAsked() {
        try (RunningPlatform platform = RunningPlatform.withTestModules().with("DISTRICT_DEMO_DATA", "true").start()) {
            long demo = platform.get("/api/notice-board/notices").json().get("total").asLong();
            assertEquals(3, demo);
            assertTrue(platform.get("/api/notice-board/notices").body().contains("东街夜市法律服务"));
            platform.restart();
            assertEquals(demo, platform.get("/api/notice-board/notices").json().get("total").asLong());
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedEndsTheStartWithItsUrl() throws Exception {
        try (RunningPlatform platform = RunningPlatform.withTestModules()
                .with("DISTRICT_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/city?connectTimeout=2")) {
            int exit = platform.startExpectingExit();
            assertNotEquals(0, exit);
            assertTrue(platform.output().contains("Cannot open the database at jdbc:postgresql://127.0.0.1:1/city"), platform.output());
        }
    }

    @Test
    void aDatabaseUrlThePlatformHasNoDriverForEndsTheStart() throws Exception {
        try (RunningPlatform platform = RunningPlatform.withTestModules().with("DISTRICT_JDBC_URL", "jdbc:oracle:thin:@db:1521/city")) {
            assertNotEquals(0, platform.startExpectingExit());
            assertTrue(platform.output().contains("No database driver for jdbc:oracle:thin:@db:1521/city"), platform.output());
        }
    }

    @Test
    void aPortAnsweredByAnotherProcessIsAFailedStartNotAReadyOne() throws Exception {
        com.sun.net.httpserver.HttpServer squatter = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        squatter.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        squatter.start();
        try (RunningPlatform platform = RunningPlatform.withTestModules()) {
            int port = squatter.getAddress().getPort();
            assertNotEquals(0, platform.with("DISTRICT_HTTP_PORT", Integer.toString(port)).startExpectingExit());
            assertTrue(platform.output().contains("port " + port + " is answered by another process"), platform.output());
            assertTrue(!platform.output().contains("ready on"), platform.output());
        } finally {
            squatter.stop(0);
        }
    }

    @Test
    void aPortThatIsNotANumberIsRefusedByName() throws Exception {
        try (RunningPlatform platform = RunningPlatform.withTestModules()) {
            assertNotEquals(0, platform.with("DISTRICT_HTTP_PORT", "eighty").startExpectingExit());
            assertTrue(platform.output().contains("DISTRICT_HTTP_PORT"), platform.output());
        }
    }
}
