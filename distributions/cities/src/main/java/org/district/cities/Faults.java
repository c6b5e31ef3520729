package org.district.cities;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The faults found so far, as the lines {@link ProfileFaults} carries: checks go on after a fault, to find them all. */
final class Faults {

    private final List<String> lines = new ArrayList<>();

    /** Where the checks of one city put their faults: each is prefixed with {@code city <label>: }. */
    Consumer<String> of(String city) {
        return fault -> lines.add("city " + city + ": " + fault);
    }

    int count() {
        return lines.size();
    }

    /** Throws the faults found, if there are any. */
    void throwIfAny() throws ProfileFaults {
        if (!lines.isEmpty()) {
            throw new ProfileFaults(lines);
        }
    }
}
