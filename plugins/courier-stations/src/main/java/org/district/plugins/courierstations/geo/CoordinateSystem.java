package org.district.plugins.courierstations.geo;

import java.util.Locale;
import java.util.Optional;

/** The datum a client speaks: WGS-84 (GPS, stored) or GCJ-02 (Chinese map apps). */
public enum CoordinateSystem {
    WGS84,
    GCJ02;

    /** Into WGS-84, from a point given in this system. */
    public GeoPoint toWgs84(GeoPoint point) {
        return this == GCJ02 ? Gcj02.toWgs84(point) : point;
    }

    /** From WGS-84, into this system. */
    public GeoPoint fromWgs84(GeoPoint point) {
        return this == GCJ02 ? Gcj02.fromWgs84(point) : point;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code wgs84} or {@code gcj02} (also {@code wgs-84}, {@code gcj-02}), any case. */
    public static Optional<CoordinateSystem> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().replace("-", "").toUpperCase(Locale.ROOT);
        for (CoordinateSystem system : values()) {
            if (system.name().equals(wanted)) {
                return Optional.of(system);
            }
        }
        return Optional.empty();
    }
}
