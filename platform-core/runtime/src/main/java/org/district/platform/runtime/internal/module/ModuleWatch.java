package org.district.platform.runtime.internal.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.district.platform.runtime.internal.module.ModuleTrouble.Kind;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * A census of the modules' threads every few seconds. A running module with more threads of its own
 * than {@code DISTRICT_MODULE_MAX_THREADS} (threads serving its requests are not its own) is
 * reported; a disabled module whose threads are still running has them interrupted, and is reported
 * until they end. The platform cannot stop a thread that ignores interrupts: the report says so, and
 * an admin restarts the platform at a quiet hour.
 */
@Component(service = ModuleWatch.class, immediate = true)
public class ModuleWatch {

    private static final System.Logger LOG = System.getLogger(ModuleWatch.class.getName());
    /** Framework property: how many threads of its own a module may run. */
    public static final String MAX_THREADS = "district.module.max.threads";
    public static final int DEFAULT_MAX_THREADS = 64;
    private static final long EVERY_MILLIS = 3_000;

    @Reference
    private ModuleManager modules;

    @Reference
    private ModuleTrouble trouble;

    /** The threads serving requests now, which are the server's, whatever code they run. */
    private volatile Supplier<Set<Thread>> serving = Set::of;
    private int maxThreads;
    private ScheduledExecutorService census;
    /** Threads of a disabled module already interrupted, so that each is interrupted once. */
    private final Set<Thread> interrupted = Collections.newSetFromMap(new WeakHashMap<>());

    @Activate
    void activate(BundleContext context) {
        maxThreads = positive(context.getProperty(MAX_THREADS), DEFAULT_MAX_THREADS);
        census = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "district-thread-census");
            thread.setDaemon(true);
            return thread;
        });
        census.scheduleWithFixedDelay(this::take, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        census.shutdownNow();
    }

    /** Tells the census which threads serve requests: they are not counted as a module's own. */
    public void serving(Supplier<Set<Thread>> threads) {
        this.serving = threads;
    }

    void take() {
        try {
            Map<String, Bundle> bundles = modules.bundles();
            List<ThreadCensus.Code> codes = new ArrayList<>();
            bundles.forEach((id, bundle) -> {
                // Not while the platform starts, stops, migrates or updates it: its code runs on the platform's thread then.
                if ((bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.RESOLVED) && !modules.busy().contains(id)) {
                    codes.add(ThreadCensus.Code.of(id, bundle));
                }
            });
            Map<String, List<Thread>> threads = ThreadCensus.take(codes);
            Set<Thread> requests = serving.get();
            for (ThreadCensus.Code code : codes) {
                String id = code.module();
                if (modules.busy().contains(id)) {
                    continue; // it began a change while the census was taken
                }
                List<Thread> own = new ArrayList<>(threads.getOrDefault(id, List.of()));
                if (bundles.get(id).getState() == Bundle.ACTIVE) {
                    own.removeAll(requests); // a stopped module's code has no business on a request's thread either
                    trouble.clear(id, Kind.THREADS_LEFT);
                    if (own.size() > maxThreads) {
                        trouble.report(id, Kind.THREADS, "runs " + own.size() + " threads of its own, over the limit of " + maxThreads
                                + " (DISTRICT_MODULE_MAX_THREADS): " + ThreadCensus.names(own));
                    } else {
                        trouble.clear(id, Kind.THREADS);
                    }
                } else {
                    trouble.clear(id, Kind.THREADS);
                    leftRunning(id, own);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The thread census failed", e);
        }
    }

    /** A stopped module's threads: interrupted once each, reported while they live. */
    private void leftRunning(String id, List<Thread> left) {
        if (left.isEmpty()) {
            trouble.clear(id, Kind.THREADS_LEFT);
            return;
        }
        int deaf = 0;
        for (Thread thread : left) {
            if (interrupted.add(thread)) {
                LOG.log(System.Logger.Level.WARNING, "Module " + id + " left thread '" + thread.getName() + "' running after it stopped; interrupting it");
                thread.interrupt();
            } else {
                deaf++;
            }
        }
        trouble.report(id, Kind.THREADS_LEFT, "left " + left.size() + " thread" + (left.size() == 1 ? "" : "s") + " running after it stopped: "
                + ThreadCensus.names(left) + (deaf == 0 ? "; interrupted" : "; " + deaf + " ignored the interrupt and run on until the platform restarts"));
    }

    /** A setting that must be a whole number of 1 or more; unset, the default. */
    public static int positive(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int number = Integer.parseInt(value.strip());
        if (number < 1) {
            throw new IllegalArgumentException("must be 1 or more, not " + number);
        }
        return number;
    }
}
