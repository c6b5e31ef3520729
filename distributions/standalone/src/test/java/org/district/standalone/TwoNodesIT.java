package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one city on one PostgreSQL database, started together: the platform's migrations run
 * once; a module toggled on one node is toggled on the other within 2 seconds (PostgreSQL notifies
 * the toggle; a re-read every second is the safety net), and so is a module's setting; clients of both nodes see no failure while
 * another module is toggled; two admins toggling at once leave both nodes in the state the database
 * holds. Runs on the PostgreSQL profile only: the embedded H2 file belongs to one process.
 */
class TwoNodesIT {

    private static RunningPlatform first;
    private static RunningPlatform second;

    @BeforeAll
    static void startTogether() throws Exception {
        assumeTrue(RunningPlatform.onPostgres(), "needs a database two processes share");
        first = RunningPlatform.create();
        second = RunningPlatform.create().with("DISTRICT_JDBC_URL", first.jdbcUrl());
        CompletableFuture<RunningPlatform> a = CompletableFuture.supplyAsync(first::start);
        CompletableFuture<RunningPlatform> b = CompletableFuture.supplyAsync(second::start);
        a.get(180, TimeUnit.SECONDS);
        b.get(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void theMigrationsRanOnceThoughBothNodesStartedTogether() throws Exception {
        try (Connection c = DriverManager.getConnection(first.jdbcUrl()); Statement s = c.createStatement();
                ResultSet twice = s.executeQuery("select version from schema_history_platform where success group by version having count(*) > 1")) {
            assertTrue(!twice.next(), "a platform migration ran twice");
        }
        assertEquals("enabled", second.moduleState("courier-stations"));
    }

    @Test
    void aToggleOnOneNodeReachesTheOtherWithinTwoSeconds() throws Exception {
        assertEquals(200, second.get("/api/notice-board/notices").status());
        assertEquals(200, first.postAsAdmin("/api/admin/modules/notice-board/disable", null).status());
        long followed = until(second, "/api/notice-board/notices", 404);
        assertTrue(followed < 2_000, "the other node followed the disable after " + followed + " ms");
        assertEquals("disabled", second.moduleState("notice-board"));

        assertEquals(200, second.postAsAdmin("/api/admin/modules/notice-board/enable", null).status());
        followed = until(first, "/api/notice-board/notices", 200);
        assertTrue(followed < 2_000, "the first node followed the enable after " + followed + " ms");
    }

    @Test
    void aModuleSettingChangedOnOneNodeReachesTheOtherWithinTwoSeconds() throws Exception {
        String pid = second.getAsAdmin("/api/courier-stations/settings").json().get("pid").asText();
        Reply changed = first.putAsAdmin("/api/admin/modules/courier-stations/config/" + pid, "{\"serviceMinutes\": 20}");
        assertEquals(200, changed.status(), changed.toString());
        long start = System.nanoTime();
        while (second.getAsAdmin("/api/courier-stations/settings").json().get("serviceMinutes").asInt() != 20) {
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "the other node never took the setting");
            Thread.sleep(50);
        }
        long followed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(followed < 2_000, "the other node took the setting after " + followed + " ms");
        Reply restored = second.putAsAdmin("/api/admin/modules/courier-stations/config/" + pid, "{\"serviceMinutes\": null}");
        assertEquals(200, restored.status(), restored.toString());
        start = System.nanoTime();
        while (first.getAsAdmin("/api/courier-stations/settings").json().get("serviceMinutes").asInt() != 15) {
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "the default never came back on the first node");
            Thread.sleep(50);
        }
    }

    @Test
    void clientsOfBothNodesSeeNoFailureWhileAnotherModuleIsToggled() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        for (RunningPlatform node : List.of(first, second)) {
            clients.submit(() -> {
                for (int i = 0; i < 100_000 && running.get(); i++) {
                    Reply reply = node.get("/api/courier-stations/public/services");
                    if (reply.status() != 200) {
                        failures.add(reply.toString());
                    }
                    answered.incrementAndGet();
                }
            });
        }
        for (int round = 0; round < 5; round++) {
            RunningPlatform admin = round % 2 == 0 ? first : second;
            assertEquals(200, admin.postAsAdmin("/api/admin/modules/notice-board/disable", null).status());
            until(round % 2 == 0 ? second : first, "/api/notice-board/notices", 404);
            assertEquals(200, admin.postAsAdmin("/api/admin/modules/notice-board/enable", null).status());
            until(round % 2 == 0 ? second : first, "/api/notice-board/notices", 200);
        }
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        assertTrue(answered.get() > 100, "the clients ran: " + answered.get());
        assertEquals(List.of(), new ArrayList<>(failures), "no client request failed during the toggles");
    }

    @Test
    void twoAdminsTogglingAtOnceLeaveBothNodesInTheDatabasesState() throws Exception {
        ExecutorService admins = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 5; round++) {
            CompletableFuture<Reply> off = CompletableFuture.supplyAsync(
                    () -> first.postAsAdmin("/api/admin/modules/notice-board/disable", null), admins);
            CompletableFuture<Reply> on = CompletableFuture.supplyAsync(
                    () -> second.postAsAdmin("/api/admin/modules/notice-board/enable", null), admins);
            assertEquals(200, off.get(60, TimeUnit.SECONDS).status());
            assertEquals(200, on.get(60, TimeUnit.SECONDS).status());
            boolean wanted = wantedInDatabase("notice-board");
            String expected = wanted ? "enabled" : "disabled";
            long deadline = System.currentTimeMillis() + 5_000;
            while ((!expected.equals(first.moduleState("notice-board")) || !expected.equals(second.moduleState("notice-board")))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(expected, first.moduleState("notice-board"), "round " + round);
            assertEquals(expected, second.moduleState("notice-board"), "round " + round);
        }
        admins.shutdown();
        assertEquals(200, first.postAsAdmin("/api/admin/modules/notice-board/enable", null).status());
    }

    private static boolean wantedInDatabase(String module) throws Exception {
        try (Connection c = DriverManager.getConnection(first.jdbcUrl()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select enabled from platform_module where module_id = '" + module + "'")) {
            assertTrue(rs.next());
            return rs.getBoolean(1);
        }
    }

    /** Milliseconds until the node answers {@code status} at {@code path}; fails after 10 s. */
    private static long until(RunningPlatform node, String path, int status) throws InterruptedException {
        long start = System.nanoTime();
        while (node.get(path).status() != status) {
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), path + " never answered " + status);
            Thread.sleep(20);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
