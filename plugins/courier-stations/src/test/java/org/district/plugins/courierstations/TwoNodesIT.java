package org.district.plugins.courierstations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.district.platform.testkit.RunningPlatform;
import org.district.platform.testkit.RunningPlatform.Reply;
import org.junit.jupiter.api.Test;

/**
 * Two platforms on one PostgreSQL database, as a city runs several nodes behind a balancer: a
 * station written on one node shows in the other node's searches once that node's index notices
 * the change counter moved (checked every two seconds). Runs on the PostgreSQL profile only: the
 * embedded H2 file database belongs to one process.
 */
class TwoNodesIT {

    private static final String API = "/api/courier-stations";

    @Test
    void anotherNodesWritesReachThisNodesIndex() throws Exception {
        assumeTrue(RunningPlatform.onPostgres(), "needs a database two processes share");
        try (RunningPlatform first = RunningPlatform.create().start();
                RunningPlatform second = RunningPlatform.create().with("DISTRICT_JDBC_URL", first.jdbcUrl()).start()) {
            String near = API + "/public/stations/nearest?lat=30.61&lon=104.01&within=2000";
            assertEquals(List.of(), ids(second.get(near)));

            Reply created = first.postAsAdmin(API + "/stations",
                    CourierStationsIT.station("双节点驿站", 30.61, 104.01, "\"toilet\"", "\"24h\"", ""));
            assertEquals(201, created.status(), created.toString());
            long id = created.json().get("id").asLong();
            assertEquals(List.of(id), eventually(() -> ids(second.get(near)), List.of(id)));

            Reply retired = second.putAsAdmin(API + "/stations/" + id,
                    CourierStationsIT.station("双节点驿站", 30.61, 104.01, "\"toilet\"", "\"24h\"", "\"status\":\"retired\""));
            assertEquals(200, retired.status(), retired.toString());
            assertEquals(List.of(), ids(second.get(near)), "the writing node sees its own write at once");
            assertEquals(List.of(), eventually(() -> ids(first.get(near)), List.of()));
        }
    }

    private static List<Long> ids(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        List<Long> ids = new ArrayList<>();
        reply.json().get("stations").forEach(s -> ids.add(s.at("/station/id").asLong()));
        return ids;
    }

    /** What {@code read} gives once it gives {@code expected}, or at the end of 15 seconds, whatever it gives then. */
    private static <T> T eventually(Supplier<T> read, T expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        T value = read.get();
        while (!value.equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            value = read.get();
        }
        return value;
    }
}
