package org.district.testmodules.misbehaves;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * Requests that do what a badly written module does: wait on something that never comes, loop
 * without end, start threads and forget them. Each misbehaviour is bounded (a minute at most) so that
 * a test that goes wrong still ends.
 */
@Component(service = Misbehaviour.class)
@JakartarsResource
@Path("")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class Misbehaviour {

    private static final long BOUND_NANOS = 60_000_000_000L;
    private static final AtomicInteger LEAKED = new AtomicInteger();

    /** Waits for nothing; an interrupt ends it. */
    @GET
    @Path("hang")
    public Map<String, String> hang() {
        try {
            Thread.sleep(BOUND_NANOS / 1_000_000);
            return Map.of("woke", "after a minute");
        } catch (InterruptedException e) {
            return Map.of("woke", "interrupted");
        }
    }

    /** Loops without looking at interrupts, for {@code seconds} (a minute at most). */
    @GET
    @Path("spin")
    public Map<String, Long> spin(@QueryParam("seconds") int seconds) {
        long end = System.nanoTime() + Math.min(BOUND_NANOS, seconds * 1_000_000_000L);
        long turns = 0;
        while (System.nanoTime() < end) {
            turns++;
        }
        return Map.of("turns", turns);
    }

    /** Starts a thread that waits a minute, or until interrupted, and forgets it. */
    @POST
    @Path("leak")
    public Map<String, Integer> leak() {
        Thread thread = new Thread(Misbehaviour::idle, "misbehaves-leaked-" + LEAKED.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return Map.of("leaked", LEAKED.get());
    }

    /** A slow request that ends: sleeps {@code millis} (a minute at most) and says when it started, on the server's clock. */
    @GET
    @Path("sleep")
    public Map<String, Object> sleep(@QueryParam("millis") long millis, @QueryParam("tag") String tag) throws InterruptedException {
        long started = System.nanoTime();
        Thread.sleep(Math.max(0, Math.min(millis, BOUND_NANOS / 1_000_000)));
        return Map.of("tag", tag == null ? "" : tag, "startedNanos", started);
    }

    @GET
    @Path("ping")
    public Map<String, String> ping() {
        return Map.of("module", "misbehaves");
    }

    private static void idle() {
        try {
            Thread.sleep(BOUND_NANOS / 1_000_000);
        } catch (InterruptedException e) {
            // asked to stop: the thread ends
        }
    }
}
