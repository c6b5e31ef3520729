package org.district.cities;

import java.util.List;

/**
 * The city profiles cannot be built: one line per fault, each naming the city
 * ({@code city <id>: <fault>}), for every fault of every profile. Thrown before anything is
 * written, so that nothing ships from a bad profile, and with all faults at once, so that one
 * build tells provincial IT everything to fix.
 */
public final class ProfileFaults extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    ProfileFaults(List<String> lines) {
        super(String.join(System.lineSeparator(), lines));
        this.lines = List.copyOf(lines);
    }

    /** The faults, one line each, in the order found. */
    public List<String> lines() {
        return lines;
    }
}
