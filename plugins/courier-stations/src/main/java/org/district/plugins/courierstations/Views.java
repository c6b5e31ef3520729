package org.district.plugins.courierstations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.district.platform.api.privacy.Mask;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.district.plugins.courierstations.geo.GeoPoint;

/** What the module answers with. Public and list views never carry a contact phone in full. */
public final class Views {

    private Views() {
    }

    public record ServiceView(String code, String name) {
    }

    public record ClosureView(LocalDate date, String reason) {
    }

    /** A station as riders see it; coordinates in the system the request asked for. */
    public record PublicStation(long id, String name, String kind, String kindName, String address, String district, String street,
            String community, double lat, double lon, String coords, List<ServiceView> services, List<String> hours, boolean open24h,
            List<ClosureView> closures, Integer capacity, String contactPhone, String status, String statusReason) {

        static PublicStation of(StationSnapshot s, CoordinateSystem coords, ServiceCatalogue catalogue, LocalDate today) {
            GeoPoint at = coords.fromWgs84(new GeoPoint(s.lat(), s.lon()));
            return new PublicStation(s.id(), s.name(), s.kind().code(), s.kind().chinese(), s.address(), s.district(), s.street(),
                    s.community(), round(at.lat()), round(at.lon()), coords.code(), serviceViews(s, catalogue), s.hours().lines(),
                    s.hours().isAroundTheClock(),
                    s.closures().stream().filter(c -> !c.date().isBefore(today)).map(c -> new ClosureView(c.date(), c.reason())).toList(),
                    s.capacity(), Mask.phone(s.contactPhone()), s.status().code(), s.statusReason());
        }
    }

    /** A station in full, for its manager: contact phone and check-in code included. */
    public record StationView(long id, String name, String kind, String kindName, String address, String district, String street,
            String community, double lat, double lon, String coords, List<ServiceView> services, List<String> hours, boolean open24h,
            List<ClosureView> closures, Integer capacity, String contactPhone, String status, String statusReason, String checkinCode,
            OffsetDateTime updatedAt) {

        static StationView of(StationSnapshot s, String checkinCode, OffsetDateTime updatedAt, CoordinateSystem coords,
                ServiceCatalogue catalogue) {
            GeoPoint at = coords.fromWgs84(new GeoPoint(s.lat(), s.lon()));
            return new StationView(s.id(), s.name(), s.kind().code(), s.kind().chinese(), s.address(), s.district(), s.street(),
                    s.community(), round(at.lat()), round(at.lon()), coords.code(), serviceViews(s, catalogue), s.hours().lines(),
                    s.hours().isAroundTheClock(), s.closures().stream().map(c -> new ClosureView(c.date(), c.reason())).toList(),
                    s.capacity(), s.contactPhone(), s.status().code(), s.statusReason(), checkinCode, updatedAt);
        }
    }

    /**
     * One answer of a nearest search: the station ({@link PublicStation}, or the same written as JSON),
     * how far, how long to get there, and whether it is open then.
     */
    public record NearbyStation<S>(S station, long distanceMetres, int walkMinutes, int rideMinutes, boolean open,
            LocalDateTime openUntil) {
    }

    public record Nearest<S>(double lat, double lon, String coords, LocalDateTime at, String timeZone, List<NearbyStation<S>> stations) {
    }

    /** What a scan did: counted as a visit, or recognised as a repeat within the window. */
    public record CheckInResult(boolean counted, long stationId, String stationName, OffsetDateTime at, String message) {
    }

    public record CheckinCode(long stationId, String code) {
    }

    static List<ServiceView> serviceViews(StationSnapshot s, ServiceCatalogue catalogue) {
        return s.services().stream().sorted().map(code -> new ServiceView(code, catalogue.name(code))).toList();
    }

    /** Seven decimals: about a centimetre, and no trailing noise from the GCJ-02 transform. */
    static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    // --- GeoJSON (RFC 7946): a FeatureCollection of Points, properties being the JSON view without coordinates

    static Map<String, Object> feature(long id, double lat, double lon, Map<String, Object> properties) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", id);
        feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
        feature.put("properties", properties);
        return feature;
    }

    static Map<String, Object> featureCollection(List<Map<String, Object>> features) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    static Map<String, Object> properties(PublicStation s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", s.name());
        p.put("kind", s.kind());
        p.put("kindName", s.kindName());
        p.put("address", s.address());
        p.put("district", s.district());
        p.put("services", s.services().stream().map(ServiceView::code).toList());
        p.put("hours", s.hours());
        p.put("open24h", s.open24h());
        p.put("status", s.status());
        p.put("contactPhone", s.contactPhone());
        p.values().removeIf(java.util.Objects::isNull);
        return p;
    }
}
