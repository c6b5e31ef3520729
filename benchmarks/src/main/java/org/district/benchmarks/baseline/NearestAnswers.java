package org.district.benchmarks.baseline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.district.benchmarks.Json;
import org.district.platform.api.privacy.Mask;
import org.district.plugins.courierstations.City;
import org.district.plugins.courierstations.StationSnapshot;
import org.district.plugins.courierstations.StationStatus;
import org.district.plugins.courierstations.Views.ClosureView;
import org.district.plugins.courierstations.Views.Nearest;
import org.district.plugins.courierstations.Views.NearbyStation;
import org.district.plugins.courierstations.Views.PublicStation;
import org.district.plugins.courierstations.Views.ServiceView;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.district.plugins.courierstations.geo.GeoPoint;
import org.district.plugins.courierstations.index.Hit;
import org.district.plugins.courierstations.index.SpatialIndex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * The nearest-stations answer without the platform: the module's own {@link SpatialIndex} and
 * views, put together as the module's {@code NearestStations} and {@code PublicStation.of} do
 * (both are tied to OSGi components or package private, so their few lines are repeated here; the
 * run checks that both sides answer the same JSON). Like the module, the answer the endpoint sends
 * has each station's view written as JSON once (per station, coordinate system and day) and copied
 * in, here as Jackson's own {@link RawValue}.
 */
public final class NearestAnswers {

    private final City.Settings settings;
    private final SpatialIndex<StationSnapshot> index = new SpatialIndex<>();
    private final ObjectWriter views = Json.mapper().writerFor(PublicStation.class);
    private final Map<Key, Written> written = new ConcurrentHashMap<>();

    private record Key(long station, CoordinateSystem coords) {
    }

    private record Written(StationSnapshot station, LocalDate day, RawValue json) {
    }

    /** How a station shows in an answer. */
    private interface StationView<S> {
        S of(StationSnapshot station, CoordinateSystem coords, LocalDate today);
    }

    public NearestAnswers(City.Settings settings, List<StationSnapshot> stations) {
        this.settings = settings;
        index.replaceAll(stations);
    }

    public City.Settings settings() {
        return settings;
    }

    public int size() {
        return index.size();
    }

    /**
     * The answer the endpoint sends, views written once. Assumes a checked question: a point in the
     * city, a limit of 1 to 50, services of the catalogue.
     */
    public Nearest<RawValue> nearestWritten(double lat, double lon, CoordinateSystem coords, Set<String> services, boolean openOnly,
            LocalDateTime at, int limit, Double withinMetres) {
        return nearest(lat, lon, coords, services, openOnly, at, limit, withinMetres, this::writtenView);
    }

    /** The same with the views as values, written with the rest of the answer. */
    public Nearest<PublicStation> nearest(double lat, double lon, CoordinateSystem coords, Set<String> services, boolean openOnly,
            LocalDateTime at, int limit, Double withinMetres) {
        return nearest(lat, lon, coords, services, openOnly, at, limit, withinMetres, this::publicStation);
    }

    private RawValue writtenView(StationSnapshot s, CoordinateSystem coords, LocalDate today) {
        Key key = new Key(s.id(), coords);
        Written view = written.get(key);
        if (view == null || view.station() != s || !view.day().equals(today)) {
            try {
                view = new Written(s, today, new RawValue(new SerializedString(views.writeValueAsString(publicStation(s, coords, today)))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            written.put(key, view);
        }
        return view.json();
    }

    private <S> Nearest<S> nearest(double lat, double lon, CoordinateSystem coords, Set<String> services, boolean openOnly, LocalDateTime at,
            int limit, Double withinMetres, StationView<S> view) {
        GeoPoint here = coords.toWgs84(new GeoPoint(lat, lon));
        LocalDateTime when = at != null ? at : LocalDateTime.now(settings.zone());
        Predicate<StationSnapshot> serving = openOnly ? s -> s.openAt(when) : s -> s.status() != StationStatus.RETIRED;
        List<Hit<StationSnapshot>> hits = index.nearest(here.lat(), here.lon(), limit, services, serving,
                withinMetres == null ? Double.MAX_VALUE : withinMetres);
        List<NearbyStation<S>> stations = new ArrayList<>(hits.size());
        for (Hit<StationSnapshot> hit : hits) {
            StationSnapshot s = hit.item();
            boolean open = s.openAt(when);
            stations.add(new NearbyStation<>(view.of(s, coords, when.toLocalDate()), Math.round(hit.metres()),
                    settings.walkMinutes(hit.metres()), settings.rideMinutes(hit.metres()), open, open ? s.openUntil(when).orElse(null) : null));
        }
        return new Nearest<>(lat, lon, coords.code(), when, settings.zone().getId(), stations);
    }

    private PublicStation publicStation(StationSnapshot s, CoordinateSystem coords, LocalDate today) {
        GeoPoint at = coords.fromWgs84(new GeoPoint(s.lat(), s.lon()));
        List<ServiceView> services = s.services().stream().sorted().map(code -> new ServiceView(code, settings.catalogue().name(code))).toList();
        return new PublicStation(s.id(), s.name(), s.kind().code(), s.kind().chinese(), s.address(), s.district(), s.street(),
                s.community(), round(at.lat()), round(at.lon()), coords.code(), services, s.hours().lines(), s.hours().isAroundTheClock(),
                s.closures().stream().filter(c -> !c.date().isBefore(today)).map(c -> new ClosureView(c.date(), c.reason())).toList(),
                s.capacity(), Mask.phone(s.contactPhone()), s.status().code(), s.statusReason());
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
