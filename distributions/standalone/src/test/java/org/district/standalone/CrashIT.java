package org.district.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.Test;

/**
 * No acknowledged write is lost: writers keep creating notices while the platform's process is
 * killed outright (SIGKILL, no shutdown); after a restart every write that was answered 201 is
 * there, as it was written. Runs on the embedded database and, in the postgres profile, on PostgreSQL.
 */
class CrashIT {

    private static final int WRITERS = 3;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;
    private static final int MAX_WRITES_PER_WRITER = 5_000;

    @Test
    void everyAcknowledgedWriteIsThereAfterTheProcessIsKilledMidLoad() throws Exception {
        try (RunningPlatform platform = RunningPlatform.withTestModules().start()) {
            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; i < MAX_WRITES_PER_WRITER; i++) {
                        String title = "Writer " + writer + " notice " + i;
                        Reply reply;
                        try {
                            reply = platform.postAsAdmin("/api/notice-board/notices",
                                    "{\"title\":\"" + title + "\",\"body\":\"Written under load.\",\"community\":\"Dongjie\"}");
                        } catch (RuntimeException e) {
                            return; // the process is gone: this write was never acknowledged
                        }
                        if (reply.status() != 201) {
                            if (killed.get()) {
                                return;
                            }
                            throw new AssertionError("a write was refused before the kill: " + reply);
                        }
                        acknowledged.put(reply.json().get("id").asLong(), title);
                    }
                });
            }
            long deadline = System.currentTimeMillis() + 120_000;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            killed.set(true);
            platform.kill();
            writers.shutdown();
            assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "the writers stop once the platform is gone");
            assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL, acknowledged.size() + " writes acknowledged before the kill");

            platform.start();
            List<String> lost = new ArrayList<>();
            acknowledged.forEach((id, title) -> {
                Reply read = platform.get("/api/notice-board/notices/" + id);
                if (read.status() != 200 || !title.equals(read.json().get("title").asText())) {
                    lost.add(id + " (" + title + "): " + read.status());
                }
            });
            assertEquals(List.of(), lost, "acknowledged writes missing after the kill, of " + acknowledged.size());
        }
    }
}
