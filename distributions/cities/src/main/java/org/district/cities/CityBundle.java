package org.district.cities;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One city's bundles as built: where they are, how large, and which modules they ship.
 *
 * @param id the city's id
 * @param modules every module shipped, sorted: those chosen and those they require
 * @param chosenModules the modules the profile chose, in its order
 * @param requiredBy for each module another shipped module requires, the modules requiring it, sorted
 * @param folder the city's output folder
 * @param zip the standalone archive, {@code district-<id>-<version>.zip}
 * @param zipBytes its size
 * @param war the Liberty WAR, {@code district-<id>-<version>.war}, when a generic WAR was given
 * @param warBytes its size, 0 without a WAR
 * @param manifest {@code manifest.json} beside the archives, a copy of the archive's {@code city/manifest.json}
 */
public record CityBundle(String id, List<String> modules, List<String> chosenModules, Map<String, List<String>> requiredBy,
        Path folder, Path zip, long zipBytes, Optional<Path> war, long warBytes, Path manifest) {
}
