package org.district.platform.runtime.internal.rest;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.district.platform.api.rest.Problem;
import org.district.platform.runtime.internal.module.ModuleTrouble;
import org.district.platform.runtime.internal.module.ModuleTrouble.Kind;

/**
 * Keeps one module's requests from taking the server from the others, and keeps the server's cores
 * on a few requests at a time rather than on many at once. Each module serves at most
 * {@code DISTRICT_MODULE_MAX_REQUESTS} requests at once; the requests over it wait in line, in the
 * order they came, without a thread of the server's (an asynchronous request of the servlet API),
 * and each place that frees goes to the first in line. A request that has waited half a second is
 * answered 503 with {@code Retry-After}, and so is one that finds {@value #MAX_WAITING} waiting
 * already. Where the servlet container cannot hold a request without its thread, the request waits
 * on its thread, as long. A request that runs longer than {@code DISTRICT_MODULE_REQUEST_SECONDS} is
 * reported with its module and its thread interrupted, which ends a request that waits (on a lock,
 * a socket, a sleep); one that loops without looking runs on, holding its place, and the report says
 * so.
 *
 * <p>Why a line rather than a thread per request: with many more requests running than cores, the
 * operating system shares the cores among them in turns, and a request that needs a little more than
 * its turn waits for every other one's; with a few running and the rest in line, each request waits
 * for those before it only (at 64 connections on two cores, a p99 about 40% lower for about the
 * same requests a second, see docs/performance.md).
 */
final class RequestGuard {

    private static final System.Logger LOG = System.getLogger(RequestGuard.class.getName());
    /** How long a request waits for its module to have a place before it is turned away. */
    private static final long WAIT_MILLIS = 500;
    /** How many requests may wait for one module's place; one more is turned away at once. */
    private static final int MAX_WAITING = 4096;

    private final int maxRequests;
    private final Duration timeLimit;
    private final ModuleTrouble trouble;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
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

    /** One request of a module: its work, and its answer when it finds no place. */
    interface Job {
        void run() throws IOException, ServletException;

        void turnedAway(Busy busy) throws IOException;
    }

    /** One module's places and its line. */
    private static final class Lane {
        /** Guarded by the lane. */
        int running;
        /** Guarded by the lane. */
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    }

    /** A request held without a thread until its module has a place for it. */
    private record Waiting(String request, Job job, AsyncContext async, long since) {
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

    /**
     * Runs the job now if its module has a place; else puts the request in line (the servlet returns
     * at once; the request that gives up a place hands it to the first in line, whose job then runs on
     * a thread of the servlet container's), or, where the request cannot be held without its thread,
     * waits for a place on it.
     */
    void serve(String module, String request, HttpServletRequest http, Job job) throws IOException, ServletException {
        Lane lane = lanes.computeIfAbsent(module, m -> new Lane());
        boolean admitted = false;
        boolean holdable = http.isAsyncSupported();
        synchronized (lane) {
            if (lane.running < maxRequests && lane.waiting.isEmpty()) {
                lane.running++;
                admitted = true;
            } else if (holdable && lane.waiting.size() < MAX_WAITING) {
                AsyncContext async = http.startAsync();
                async.setTimeout(0); // the line has its own limit: see expire()
                lane.waiting.add(new Waiting(request, job, async, System.nanoTime()));
                return;
            } else if (!holdable) {
                admitted = awaitPlace(lane);
            }
        }
        if (!admitted) {
            job.turnedAway(busy(module));
            return;
        }
        run(module, lane, request, job);
    }

    /** Waits on the thread, half a second at most, for a place; holding the lane. */
    private boolean awaitPlace(Lane lane) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        try {
            while (lane.running >= maxRequests) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lane, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        lane.running++;
        return true;
    }

    private void run(String module, Lane lane, String request, Job job) throws IOException, ServletException {
        InFlight serving = new InFlight(module, request);
        inFlight.add(serving);
        try {
            job.run();
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
            handOver(module, lane);
        }
    }

    /** The place a request gives up goes to the first in line, if any, or back to the lane. */
    private void handOver(String module, Lane lane) {
        while (true) {
            Waiting next;
            synchronized (lane) {
                next = lane.waiting.poll();
                if (next == null) {
                    lane.running--;
                    lane.notify();
                    return;
                }
            }
            Waiting taken = next;
            try {
                taken.async().start(() -> runWaiting(module, lane, taken));
                return;
            } catch (IllegalStateException ended) {
                // the request ended while it waited (its client went away): the place goes to the next
            }
        }
    }

    private void runWaiting(String module, Lane lane, Waiting waiting) {
        try {
            run(module, lane, waiting.request(), waiting.job());
        } catch (IOException | ServletException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Module " + module + ": " + waiting.request() + " ended with " + e);
            if (waiting.async().getResponse() instanceof HttpServletResponse response && !response.isCommitted()) {
                try { // as the servlet container answers a request whose servlet threw
                    response.reset();
                    JsonServlet.problem(response, new Problem(500, "Internal error", "Module '" + module + "' could not answer."),
                            waiting.request().substring(waiting.request().indexOf(' ') + 1));
                } catch (IOException | RuntimeException unanswered) {
                    // the client went away
                }
            }
        } finally {
            complete(waiting.async());
        }
    }

    /** The line's round: requests that have waited their time are turned away, first come first. */
    void expire() {
        turnAway(TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS));
    }

    /** The platform's API stops: no request is left waiting for a place that will not come. */
    void close() {
        turnAway(0);
    }

    private void turnAway(long waitedNanos) {
        long now = System.nanoTime();
        lanes.forEach((module, lane) -> {
            while (true) {
                Waiting first;
                synchronized (lane) {
                    first = lane.waiting.peek();
                    if (first == null || now - first.since() < waitedNanos) {
                        break;
                    }
                    lane.waiting.poll();
                }
                Waiting late = first;
                Busy busy = busy(module);
                try {
                    late.async().start(() -> {
                        try {
                            late.job().turnedAway(busy);
                        } catch (IOException | RuntimeException e) {
                            LOG.log(System.Logger.Level.DEBUG, "Module " + module + ": " + late.request() + " could not be told: " + e);
                        } finally {
                            complete(late.async());
                        }
                    });
                } catch (IllegalStateException ended) {
                    // its client went away while it waited
                }
            }
        });
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException ended) {
            // completed already (its client went away)
        }
    }

    private Busy busy(String module) {
        long count = turnedAway.computeIfAbsent(module, m -> new AtomicLong()).incrementAndGet();
        trouble.report(module, Kind.BUSY, "turned away " + count + " request" + (count == 1 ? "" : "s") + " while serving "
                + maxRequests + " at once, its limit (DISTRICT_MODULE_MAX_REQUESTS); the last at " + now());
        return new Busy(module, maxRequests);
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
