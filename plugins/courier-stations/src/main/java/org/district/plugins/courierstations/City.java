package org.district.plugins.courierstations;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.district.plugins.courierstations.geo.Area;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The city's settings as the rest of the module reads them. A change in ConfigAdmin applies at
 * once, without a restart: the settings are one immutable value swapped in whole.
 */
@Component(service = City.class, configurationPid = City.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CityConfiguration.class)
public class City {

    public static final String PID = "org.district.plugins.courierstations";

    /** The settings in force. */
    public record Settings(ZoneId zone, ServiceCatalogue catalogue, int serviceMinutes, double ridingSpeedKmh,
            double walkingSpeedKmh, double detourFactor, Duration duplicateWindow, List<Area> areas, String mapTiles, String mapAttribution) {

        /**
         * The service radius: the distance ridden in the service circle's minutes, drawn as a
         * straight-line circle as the cities' plans draw it (15 min at 15 km/h: 3,750 m).
         */
        public double serviceRadiusMetres() {
            return ridingSpeedKmh * 1000.0 / 60.0 * serviceMinutes;
        }

        public boolean inCity(double lat, double lon) {
            return areas.isEmpty() || areas.stream().anyMatch(a -> a.contains(lat, lon));
        }

        /** Minutes to walk the distance along streets, rounded up. */
        public int walkMinutes(double metres) {
            return minutes(metres, walkingSpeedKmh);
        }

        public int rideMinutes(double metres) {
            return minutes(metres, ridingSpeedKmh);
        }

        private int minutes(double metres, double kmh) {
            return (int) Math.ceil(metres * detourFactor / (kmh * 1000.0 / 60.0));
        }
    }

    private volatile Settings settings;

    @Activate
    @Modified
    void configure(CityConfiguration configuration) {
        settings = settings(configuration);
    }

    static Settings settings(CityConfiguration c) {
        if (c.serviceMinutes() < 1 || c.ridingSpeedKmh() <= 0 || c.walkingSpeedKmh() <= 0 || c.detourFactor() < 1
                || c.duplicateWindowMinutes() < 0) {
            throw new IllegalArgumentException("service minutes, speeds and the duplicate window must be positive, the detour factor at least 1");
        }
        return new Settings(ZoneId.of(c.timeZone()), ServiceCatalogue.parse(c.services()), c.serviceMinutes(), c.ridingSpeedKmh(),
                c.walkingSpeedKmh(), c.detourFactor(), Duration.ofMinutes(c.duplicateWindowMinutes()),
                Arrays.stream(c.cityAreas()).filter(s -> !s.isBlank()).map(Area::parse).toList(),
                c.mapTiles() == null ? "" : c.mapTiles().trim(), c.mapAttribution() == null ? "" : c.mapAttribution().trim());
    }

    public Settings settings() {
        return settings;
    }
}
