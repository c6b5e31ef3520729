package org.district.cities;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The modules a city ships: those its profile chose, and every module they require, pulled in
 * even when the profile did not list it, since a module whose required module is missing never
 * starts. A requirement the profile excludes, or that no module jar provides, is a fault: the city
 * would ship a module that cannot run.
 *
 * @param chosen the modules the profile lists, in its order
 * @param requiredBy every module shipped (sorted), with the shipped modules that require it (sorted; none for most)
 */
record ModuleSelection(List<String> chosen, SortedMap<String, SortedSet<String>> requiredBy) {

    /** Every module shipped, sorted. */
    List<String> modules() {
        return List.copyOf(requiredBy.keySet());
    }

    boolean isChosen(String module) {
        return chosen.contains(module);
    }

    /**
     * The closure of the chosen modules over their requirements. Faults go to {@code faults}; the
     * selection returned then holds the modules that could be followed, so that the city's other
     * checks (its settings) still run against them.
     */
    static ModuleSelection of(List<String> chosen, List<String> excluded, ModuleCatalog catalog, Consumer<String> faults) {
        String known = String.join(", ", catalog.ids());
        Set<String> listed = new LinkedHashSet<>();
        for (String id : chosen) {
            if (!listed.add(id)) {
                faults.accept("module '" + id + "' is listed twice in modules");
            } else if (catalog.module(id).isEmpty()) {
                faults.accept("module '" + id + "': no such module (known: " + known + ")");
            } else if (excluded.contains(id)) {
                faults.accept("module '" + id + "' is both in modules and in excludedModules");
            }
        }
        Set<String> excludedOnce = new LinkedHashSet<>();
        for (String id : excluded) {
            if (!excludedOnce.add(id)) {
                faults.accept("module '" + id + "' is listed twice in excludedModules");
            } else if (catalog.module(id).isEmpty()) {
                faults.accept("excluded module '" + id + "': no such module (known: " + known + ")");
            }
        }
        SortedMap<String, SortedSet<String>> requiredBy = new TreeMap<>();
        Deque<String> next = new ArrayDeque<>();
        for (String id : listed) {
            if (catalog.module(id).isPresent()) {
                requiredBy.put(id, new TreeSet<>());
                next.add(id);
            }
        }
        while (!next.isEmpty()) {
            String module = next.remove();
            for (String required : catalog.module(module).orElseThrow().requires()) {
                if (excluded.contains(required) && !listed.contains(required)) {
                    faults.accept("module '" + module + "' requires '" + required + "', which the profile excludes");
                } else if (catalog.module(required).isEmpty()) {
                    faults.accept("module '" + module + "' requires '" + required + "', which no module jar provides");
                } else {
                    if (!requiredBy.containsKey(required)) {
                        requiredBy.put(required, new TreeSet<>());
                        next.add(required);
                    }
                    requiredBy.get(required).add(module);
                }
            }
        }
        requiredBy.replaceAll((id, by) -> Collections.unmodifiableSortedSet(by));
        return new ModuleSelection(List.copyOf(listed), Collections.unmodifiableSortedMap(requiredBy));
    }

    /** The jars of the modules shipped, in module order. */
    List<ModuleJar> jars(ModuleCatalog catalog) {
        List<ModuleJar> jars = new ArrayList<>();
        for (String id : requiredBy.keySet()) {
            jars.add(catalog.module(id).orElseThrow());
        }
        return jars;
    }
}
