package org.district.plugins.courierstations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.district.platform.api.rest.JsonWriter;
import org.district.platform.api.rest.PreparedJson;
import org.district.platform.api.rest.Problem;
import org.district.plugins.courierstations.Views.Nearest;
import org.district.plugins.courierstations.Views.NearbyStation;
import org.district.plugins.courierstations.Views.PublicStation;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.district.plugins.courierstations.geo.GeoPoint;
import org.district.plugins.courierstations.index.Hit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The rider's questions: which stations are nearest (with a service, open now or then), and which lie
 * in a map's view.
 *
 * <p>A nearest answer's stations are public views that the same station gives in every answer: each
 * is written as JSON once (per station, coordinate system and day asked about, since closures past
 * that day are left out) and copied into the answers, and written again when the station or the
 * catalogue of services changes. Only the distance, the times and whether it is open are written per
 * answer.
 */
@Component(service = NearestStations.class)
public class NearestStations {

    static final int MAX_NEAREST = 50;
    static final int MAX_IN_VIEW = 2_000;
    /** Views kept written: more than any city's stations in both coordinate systems; past it, they are written anew. */
    static final int MAX_WRITTEN = 20_000;

    @Reference
    private City city;

    @Reference
    private StationMap map;

    @Reference
    private JsonWriter json;

    private record Key(long station, CoordinateSystem coords) {
    }

    /** A view as written, and what it was written from: the snapshot (by identity), the day and the catalogue. */
    private record Written(StationSnapshot station, LocalDate day, ServiceCatalogue catalogue, PreparedJson json) {
    }

    private final Map<Key, Written> written = new ConcurrentHashMap<>();

    /** What was asked: a point in {@code coords}, services, whether only open stations count, at what local time. */
    public record Question(double lat, double lon, CoordinateSystem coords, Set<String> services, boolean openOnly, LocalDateTime at,
            int limit, Double withinMetres) {
    }

    /** The nearest stations, each station's view as written JSON: the answer riders' apps get. */
    public Nearest<PreparedJson> nearest(Question q) {
        return nearest(q, this::writtenView);
    }

    /** The nearest stations with their views as values (for answers built from them, such as GeoJSON). */
    public Nearest<PublicStation> nearestViews(Question q) {
        return nearest(q, PublicStation::of);
    }

    /** How a station shows in an answer. */
    private interface StationView<S> {
        S of(StationSnapshot station, CoordinateSystem coords, ServiceCatalogue catalogue, LocalDate today);
    }

    private PreparedJson writtenView(StationSnapshot station, CoordinateSystem coords, ServiceCatalogue catalogue, LocalDate today) {
        Key key = new Key(station.id(), coords);
        Written view = written.get(key);
        if (view == null || view.station() != station || view.catalogue() != catalogue || !view.day().equals(today)) {
            if (written.size() >= MAX_WRITTEN) {
                written.clear();
            }
            view = new Written(station, today, catalogue, json.prepare(PublicStation.of(station, coords, catalogue, today)));
            written.put(key, view);
        }
        return view.json();
    }

    private <S> Nearest<S> nearest(Question q, StationView<S> view) {
        City.Settings settings = city.settings();
        if (q.limit() < 1 || q.limit() > MAX_NEAREST) {
            throw Problem.invalid("limit", "must be between 1 and " + MAX_NEAREST);
        }
        if (q.withinMetres() != null && !(q.withinMetres() > 0)) {
            throw Problem.invalid("within", "must be a positive number of metres");
        }
        GeoPoint here = q.coords().toWgs84(new GeoPoint(q.lat(), q.lon()));
        if (!settings.inCity(here.lat(), here.lon())) {
            throw Problem.invalid("location", q.lat() + "," + q.lon() + " lies outside the city's area " + settings.areas());
        }
        LocalDateTime at = q.at() != null ? q.at() : LocalDateTime.now(settings.zone());
        Predicate<StationSnapshot> serving = q.openOnly() ? s -> s.openAt(at) : s -> s.status() != StationStatus.RETIRED;
        List<Hit<StationSnapshot>> hits = map.nearest(here.lat(), here.lon(), q.limit(), q.services(), serving,
                q.withinMetres() == null ? Double.MAX_VALUE : q.withinMetres());
        List<NearbyStation<S>> stations = new ArrayList<>(hits.size());
        for (Hit<StationSnapshot> hit : hits) {
            StationSnapshot s = hit.item();
            boolean open = s.openAt(at);
            stations.add(new NearbyStation<>(view.of(s, q.coords(), settings.catalogue(), at.toLocalDate()), Math.round(hit.metres()),
                    settings.walkMinutes(hit.metres()), settings.rideMinutes(hit.metres()), open, open ? s.openUntil(at).orElse(null) : null));
        }
        return new Nearest<>(q.lat(), q.lon(), q.coords().code(), at, settings.zone().getId(), stations);
    }

    /** A map's view: {@code west,south,east,north} in {@code coords}. */
    public record View(double west, double south, double east, double north, CoordinateSystem coords, Set<String> services,
            boolean openOnly, LocalDateTime at, int limit) {
    }

    public record InView(int count, boolean truncated, LocalDateTime at, List<PublicStation> stations) {
    }

    public InView inView(View v) {
        City.Settings settings = city.settings();
        if (v.limit() < 1 || v.limit() > MAX_IN_VIEW) {
            throw Problem.invalid("limit", "must be between 1 and " + MAX_IN_VIEW);
        }
        GeoPoint southWest = v.coords().toWgs84(new GeoPoint(v.south(), v.west()));
        GeoPoint northEast = v.coords().toWgs84(new GeoPoint(v.north(), v.east()));
        LocalDateTime at = v.at() != null ? v.at() : LocalDateTime.now(settings.zone());
        List<StationSnapshot> found = new ArrayList<>();
        for (StationSnapshot s : map.all()) {
            if (s.lat() >= southWest.lat() && s.lat() <= northEast.lat() && s.lon() >= southWest.lon() && s.lon() <= northEast.lon()
                    && s.status() != StationStatus.RETIRED && s.services().containsAll(v.services()) && (!v.openOnly() || s.openAt(at))) {
                found.add(s);
            }
        }
        found.sort(Comparator.comparingLong(StationSnapshot::id));
        List<PublicStation> shown = found.stream().limit(v.limit())
                .map(s -> PublicStation.of(s, v.coords(), settings.catalogue(), at.toLocalDate())).toList();
        return new InView(found.size(), found.size() > v.limit(), at, shown);
    }
}
