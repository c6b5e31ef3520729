package org.district.benchmarks.baseline;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;

import org.district.plugins.courierstations.City;
import org.district.plugins.courierstations.CityConfiguration;
import org.district.plugins.courierstations.ServiceCatalogue;
import org.district.plugins.courierstations.geo.Area;

/**
 * The courier-stations module's settings as a platform without configuration runs it: each value
 * is read from the default of the module's own {@link CityConfiguration}, so the baseline follows
 * the module when a default changes (the module's {@code City.settings} that does this is package
 * private).
 */
public final class CityDefaults {

    private CityDefaults() {
    }

    public static City.Settings settings() {
        return new City.Settings(ZoneId.of(value("timeZone", String.class)), ServiceCatalogue.parse(value("services", String[].class)),
                value("serviceMinutes", Integer.class), value("ridingSpeedKmh", Double.class), value("walkingSpeedKmh", Double.class),
                value("detourFactor", Double.class), Duration.ofMinutes(value("duplicateWindowMinutes", Integer.class)),
                Arrays.stream(value("cityAreas", String[].class)).filter(s -> !s.isBlank()).map(Area::parse).toList(),
                value("mapTiles", String.class).trim(), value("mapAttribution", String.class).trim());
    }

    private static <T> T value(String attribute, Class<T> type) {
        try {
            Method method = CityConfiguration.class.getMethod(attribute);
            return type.cast(method.getDefaultValue());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the courier-stations module no longer has the setting " + attribute, e);
        }
    }
}
