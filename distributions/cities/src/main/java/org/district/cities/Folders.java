package org.district.cities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing folders with all they hold: the resolver's storage, the second build, a city's previous output. */
final class Folders {

    private Folders() {
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The folder, empty. */
    static Path clear(Path folder) throws IOException {
        delete(folder);
        return Files.createDirectories(folder);
    }
}
