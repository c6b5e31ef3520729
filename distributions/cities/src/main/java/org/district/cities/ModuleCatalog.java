package org.district.cities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every module a city can choose: the module jars of one folder, by module id. A jar that is no
 * module, or a second jar of the same module, is a mistake in the build's inputs, not in a city's
 * profile, and stops the build at once.
 */
final class ModuleCatalog {

    private final Map<String, ModuleJar> modules;

    private ModuleCatalog(Map<String, ModuleJar> modules) {
        this.modules = modules;
    }

    static ModuleCatalog read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the modules folder " + folder + " does not exist");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        Map<String, ModuleJar> modules = new TreeMap<>();
        for (Path jar : jars) {
            ModuleJar module = ModuleJar.read(jar)
                    .orElseThrow(() -> new IllegalArgumentException(jar + " is not a platform module: it declares no district.module capability"));
            ModuleJar other = modules.put(module.id(), module);
            if (other != null) {
                throw new IllegalArgumentException("module '" + module.id() + "' is in two jars of " + folder + ": "
                        + other.fileName() + " and " + module.fileName());
            }
        }
        return new ModuleCatalog(modules);
    }

    Optional<ModuleJar> module(String id) {
        return Optional.ofNullable(modules.get(id));
    }

    SortedSet<String> ids() {
        return new TreeSet<>(modules.keySet());
    }

    /** The module that designates configuration {@code pid} in its Metatype documents. */
    Optional<ModuleJar> designating(String pid) {
        return modules.values().stream()
                .filter(m -> m.configurations().stream().anyMatch(c -> c.pid().equals(pid)))
                .findFirst();
    }
}
