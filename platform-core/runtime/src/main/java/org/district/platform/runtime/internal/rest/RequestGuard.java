package org.district.platform.runtime.internal.rest;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletException;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.module.ModuleTrouble;
import org.district.platform.runtime.internal.module.ModuleTrouble.Kind;

/**
 * Keeps one module's requests from taking the server from the others. Each module serves at most
 * {@code DISTRICT_MODULE_MAX_REQUESTS} requests at once, a share of the server's threads; a request
 * over it waits a moment for a place, then is answered 503 with {@code Retry-After}. A request that
 * runs longer than {@code DISTRICT_MODULE_REQUEST_SECONDS} is reported with its module and its
 * thread interrupted, which ends a request that waits (on a lock, a socket, a sleep); one that loops
 * without looking runs on, holding its place, and the report says so.
 */
final class RequestGuard {

    private static final System.Logger LOG = System.getLogger(RequestGuard.class.getName());
    /** How long a request waits for its module to have a place before it is turned away. */
    private static final long WAIT_MILLIS = 500;

    private final int maxRequests;
    private final Duration timeLimit;
    private final ModuleTrouble trouble;
    private final Map<String, Semaphore> places = new ConcurrentHashMap<>();
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> slow = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> turnedAway = new ConcurrentHashMap<>();
    /** Of the slow requests reported, how many were still running at the last round. */
    private final Map<String, Integer> stillRunning = new ConcurrentHashMap<>();

    RequestGuard(int maxRequests, Duration timeLimit, ModuleTrouble trouble) {
        this.maxRequests = maxRequests;
        this.timeLimit = timeLimit;
        this.trouble = trouble;
    }

    interface Work {
        void run() throws IOException, ServletException;
    }

    /** One request of one module; its place is given back and its thread left uninterrupted when it ends. */
    private static final class InFlight {
        final String module;
        final String request;
        final Thread thread = Thread.currentThread();
        final long started = System.nanoTime();
        boolean done;
        boolean overdue;
        boolean interrupted;

        InFlight(String module, String request) {
            this.module = module;
            this.request = request;
        }
    }

    void serve(String module, String request, Work work) throws IOException, ServletException {
        Semaphore free = places.computeIfAbsent(module, m -> new Semaphore(maxRequests));
        boolean admitted;
        try {
            admitted = free.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            long count = turnedAway.computeIfAbsent(module, m -> new AtomicLong()).incrementAndGet();
            trouble.report(module, Kind.BUSY, "turned away " + count + " request" + (count == 1 ? "" : "s") + " while serving "
                    + maxRequests + " at once, its limit (DISTRICT_MODULE_MAX_REQUESTS); the last at " + now());
            throw new Busy(module, maxRequests);
        }
        InFlight serving = new InFlight(module, request);
        inFlight.add(serving);
        try {
            work.run();
        } finally {
            inFlight.remove(serving);
            boolean clear;
            synchronized (serving) {
                serving.done = true;
                clear = serving.interrupted;
            }
            if (clear) {
                Thread.interrupted(); // the server's thread goes back to its pool without our interrupt
            }
            free.release();
        }
    }

    /**
     * The watchdog's round: requests over the time limit are reported and interrupted, once each;
     * the report changes when another one does, or when one of them ends.
     */
    void check() {
        long now = System.nanoTime();
        Map<String, Integer> running = new HashMap<>();
        Map<String, String> last = new HashMap<>();
        Set<String> changed = new HashSet<>();
        for (InFlight request : inFlight) {
            if (now - request.started < timeLimit.toNanos()) {
                continue;
            }
            synchronized (request) {
                if (request.done) {
                    continue;
                }
                if (!request.overdue) {
                    request.overdue = true;
                    request.interrupted = true;
                    slow.computeIfAbsent(request.module, m -> new AtomicLong()).incrementAndGet();
                    changed.add(request.module);
                    LOG.log(System.Logger.Level.WARNING, "Module " + request.module + ": " + request.request + " ran over "
                            + timeLimit.toSeconds() + " s; interrupting thread " + request.thread.getName());
                    request.thread.interrupt();
                }
            }
            running.merge(request.module, 1, Integer::sum);
            last.put(request.module, request.request);
        }
        slow.forEach((module, count) -> {
            int still = running.getOrDefault(module, 0);
            Integer before = stillRunning.put(module, still);
            if (changed.contains(module) || before == null || before != still) {
                trouble.report(module, Kind.SLOW_REQUESTS, count.get() + " request" + (count.get() == 1 ? "" : "s") + " ran over "
                        + timeLimit.toSeconds() + " s (DISTRICT_MODULE_REQUEST_SECONDS) and " + (count.get() == 1 ? "was" : "were")
                        + " interrupted; " + (still == 0 ? "none still running" : still + " still running, ignoring the interrupt: " + last.get(module)));
            }
        });
    }

    /** A fresh start for a module enabled or updated again. */
    void forget(String module) {
        slow.remove(module);
        stillRunning.remove(module);
        turnedAway.remove(module);
    }

    /** The threads serving a module's request now. */
    Set<Thread> serving() {
        Set<Thread> threads = new HashSet<>();
        for (InFlight request : inFlight) {
            threads.add(request.thread);
        }
        return threads;
    }

    private static String now() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** 503: the module is serving as many requests as it may. */
    static final class Busy extends Problem {
        private static final long serialVersionUID = 1L;

        Busy(String module, int limit) {
            super(503, "Module busy", "Module '" + module + "' is serving " + limit + " requests at once, as many as it may; try again shortly.");
        }
    }
}
