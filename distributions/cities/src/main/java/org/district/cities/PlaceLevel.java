package org.district.cities;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The levels of a city's administrative tree, from the top: a district holds streets
 * (subdistricts), a street communities, a community grids. Each level's parent is the level above.
 */
enum PlaceLevel {
    DISTRICT, STREET, COMMUNITY, GRID;

    /** The name a places file uses. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The level a place of this level sits under; none for a district. */
    Optional<PlaceLevel> parent() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    static Optional<PlaceLevel> of(String label) {
        return Arrays.stream(values()).filter(l -> l.label().equals(label)).findFirst();
    }

    static String labels() {
        return Arrays.stream(values()).map(PlaceLevel::label).collect(Collectors.joining(", "));
    }
}
