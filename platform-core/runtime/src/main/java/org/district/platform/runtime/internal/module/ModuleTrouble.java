package org.district.platform.runtime.internal.module;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * What a running module is doing wrong without having failed: requests over the time limit, more
 * requests at once than its share of the server, threads over its limit or left running after it
 * stopped. Shown with the module in the module list and in health, so that an admin sees which
 * module to disable; enabling or updating the module again starts it with a clean sheet.
 */
@Component(service = ModuleTrouble.class)
public class ModuleTrouble {

    /** What went wrong, one line per kind, by module id. */
    private final Map<String, Map<Kind, String>> reports = new ConcurrentHashMap<>();

    /** The kinds of trouble; each module has at most one line of each, the latest. */
    public enum Kind { SLOW_REQUESTS, BUSY, THREADS, THREADS_LEFT }

    public void report(String module, Kind kind, String line) {
        reports.computeIfAbsent(module, m -> new ConcurrentHashMap<>()).put(kind, line);
    }

    public void clear(String module, Kind kind) {
        Map<Kind, String> lines = reports.get(module);
        if (lines != null) {
            lines.remove(kind);
        }
    }

    /** A fresh start: enabled or updated again. */
    public void clear(String module) {
        reports.remove(module);
    }

    /** The module's trouble now, in the order of the kinds; empty when it behaves. */
    public List<String> of(String module) {
        Map<Kind, String> lines = reports.get(module);
        return lines == null ? List.of() : List.copyOf(new TreeMap<>(lines).values());
    }
}
