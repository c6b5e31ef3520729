package org.district.platform.runtime.internal.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Which threads run a module's code: those with a frame of one of the module's own packages on their
 * stack. A thread a module started and forgot is found while it runs or waits in the module's code,
 * which is where a leaked thread spends its life; an idle thread of a pool the module made waits in
 * the JDK's code and is not found. (A thread's context class loader is no sign: libraries leave a
 * module's loader on the server's threads, and those must never be taken for the module's.)
 */
final class ThreadCensus {

    private ThreadCensus() {
    }

    /** Packages by bundle id and the time the bundle last changed: listing a bundle's classes costs, and a revision's never change. */
    private static final Map<String, Set<String>> PACKAGES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The packages a bundle revision holds itself (kept per revision, never its class loader). */
    static Set<String> packages(Bundle bundle) {
        String revision = bundle.getBundleId() + "@" + bundle.getLastModified();
        Set<String> known = PACKAGES.get(revision);
        if (known != null) {
            return known;
        }
        Set<String> listed = listPackages(bundle);
        if (!listed.isEmpty()) {
            PACKAGES.keySet().removeIf(key -> key.startsWith(bundle.getBundleId() + "@"));
            PACKAGES.put(revision, Set.copyOf(listed));
        }
        return listed;
    }

    /** The packages a bundle revision holds itself, from its wiring; empty when it has none (not resolved). */
    private static Set<String> listPackages(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        Set<String> packages = new HashSet<>();
        if (wiring == null) {
            return packages;
        }
        Collection<String> classes = wiring.listResources("/", "*.class", BundleWiring.LISTRESOURCES_LOCAL | BundleWiring.LISTRESOURCES_RECURSE);
        if (classes != null) {
            for (String path : classes) {
                int slash = path.lastIndexOf('/');
                if (slash > 0) {
                    packages.add(path.substring(0, slash).replace('/', '.'));
                }
            }
        }
        return packages;
    }

    /** A module's code, as the census recognises it. */
    record Code(String module, Set<String> packages) {
        static Code of(String module, Bundle bundle) {
            return new Code(module, ThreadCensus.packages(bundle));
        }

        boolean runs(StackTraceElement[] stack) {
            for (StackTraceElement frame : stack) {
                String type = frame.getClassName();
                int dot = type.lastIndexOf('.');
                if (dot > 0 && packages.contains(type.substring(0, dot))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The live threads of each module, but the calling thread's. */
    static Map<String, List<Thread>> take(Collection<Code> modules) {
        Map<String, List<Thread>> threads = new HashMap<>();
        if (modules.isEmpty()) {
            return threads;
        }
        Thread self = Thread.currentThread();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (thread == self || !thread.isAlive()) {
                continue;
            }
            for (Code code : modules) {
                if (code.runs(entry.getValue())) {
                    threads.computeIfAbsent(code.module(), m -> new ArrayList<>()).add(thread);
                }
            }
        }
        return threads;
    }

    /** A few thread names, for a line an admin reads. */
    static String names(List<Thread> threads) {
        List<String> names = threads.stream().map(Thread::getName).sorted().limit(5).toList();
        return String.join(", ", names) + (threads.size() > names.size() ? ", …" : "");
    }
}
