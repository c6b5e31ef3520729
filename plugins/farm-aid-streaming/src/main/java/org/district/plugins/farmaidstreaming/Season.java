package org.district.plugins.farmaidstreaming;

import java.time.Month;

/** The months a product is in season: from one month to another, wrapping the year when the first is later. */
public final class Season {

    private Season() {
    }

    /** Whether {@code month} lies in the season; no season (both null) is all year. */
    public static boolean contains(Month start, Month end, Month month) {
        if (start == null || end == null) {
            return true;
        }
        int s = start.getValue();
        int e = end.getValue();
        int m = month.getValue();
        return s <= e ? m >= s && m <= e : m >= s || m <= e;
    }

    /** The season as people write it: {@code 5-7}, {@code 11-2}, or {@code all year}. */
    public static String describe(Month start, Month end) {
        return start == null || end == null ? "all year" : start.getValue() + "-" + end.getValue();
    }
}
