package org.district.plugins.courierstations;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.persistence.EntityManager;

import org.district.platform.api.access.Places;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.plugins.courierstations.Drafts.ClosureDraft;
import org.district.plugins.courierstations.Drafts.StationDraft;
import org.district.plugins.courierstations.Station.ClosedDay;
import org.district.plugins.courierstations.Station.StationDetails;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.district.plugins.courierstations.geo.GeoPoint;
import org.district.plugins.courierstations.hours.WeeklyHours;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The station directory: adding, changing, retiring stations and their check-in codes. Every
 * write is one transaction that also moves the change counter, and reaches the index once committed.
 */
@Component(service = Stations.class)
public class Stations {

    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Reference
    private ModuleDatabase database;

    @Reference
    private City city;

    @Reference
    private StationMap map;

    /** A station as its manager sees it: the snapshot plus what only the database holds. */
    public record Managed(StationSnapshot station, String checkinCode, OffsetDateTime updatedAt) {
    }

    /** Adds a station; a manager limited to places adds it only within them. */
    public Managed create(StationDraft draft, CoordinateSystem coords, Places places) {
        StationDetails details = details(draft, coords);
        places.require("district", details.district(), details.street(), details.community());
        if (details.status() == StationStatus.RETIRED) {
            throw Problem.invalid("status", "a new station cannot be retired");
        }
        return write(em -> {
            Station station = new Station(newCode(), details, now());
            em.persist(station);
            return station;
        });
    }

    /** Changes a station; a manager limited to places must hold it both before and after. */
    public Managed update(long id, StationDraft draft, CoordinateSystem coords, Places places) {
        StationDetails details = details(draft, coords);
        places.require("district", details.district(), details.street(), details.community());
        return write(em -> {
            Station station = find(em, id, places);
            station.apply(details, now());
            return station;
        });
    }

    /** A new check-in code: the old QR code stops working. */
    public Managed newCheckinCode(long id, Places places) {
        return write(em -> {
            Station station = find(em, id, places);
            station.newCheckinCode(newCode(), now());
            return station;
        });
    }

    /** What removing a station did: one with visits on record is retired instead, to keep its figures. */
    public enum Removal { DELETED, RETIRED }

    public Removal remove(long id, Places places) {
        long[] counted = { 0 };
        Removal removal = database.transaction(em -> {
            Station station = find(em, id, places);
            long visits = em.createQuery("select count(v) from Visit v where v.stationId = :s", Long.class).setParameter("s", id).getSingleResult();
            counted[0] = StationMap.bump(em);
            if (visits > 0) {
                station.retire("removed by its manager", now());
                return Removal.RETIRED;
            }
            em.remove(station);
            return Removal.DELETED;
        });
        if (removal == Removal.DELETED) {
            map.removed(id, counted[0]);
        } else {
            map.written(manage(id).station(), counted[0]);
        }
        return removal;
    }

    public Managed manage(long id) {
        return database.read(em -> managed(find(em, id)));
    }

    /** A station as its manager sees it, refused (403) to a manager whose places do not hold it. */
    public Managed manage(long id, Places places) {
        return database.read(em -> managed(find(em, id, places)));
    }

    /** Who to list; every part is optional but the places of the one asking. */
    public record Filter(String district, String street, String community, StationKind kind, StationStatus status, String service, String text,
            Places places) {
    }

    /** Stations from the index, by id: a list never costs the database a query per station. */
    public Page<StationSnapshot> list(Filter filter, PageRequest paging) {
        Predicate<StationSnapshot> matches = s -> (filter.district() == null || filter.district().equals(s.district()))
                && (filter.street() == null || filter.street().equals(s.street()))
                && (filter.community() == null || filter.community().equals(s.community()))
                && (filter.kind() == null || filter.kind() == s.kind())
                && (filter.status() == null || filter.status() == s.status())
                && (filter.service() == null || s.services().contains(filter.service()))
                && (filter.text() == null || contains(s.name(), filter.text()) || contains(s.address(), filter.text()))
                && filter.places().covers(s.district(), s.street(), s.community());
        List<StationSnapshot> found = map.all().stream().filter(matches).sorted(java.util.Comparator.comparingLong(StationSnapshot::id)).toList();
        int from = Math.min(paging.offset(), found.size());
        return paging.of(found.subList(from, Math.min(from + paging.size(), found.size())), found.size());
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private Managed write(java.util.function.Function<EntityManager, Station> work) {
        long[] counted = { 0 };
        Managed managed = database.transaction(em -> {
            Station station = work.apply(em);
            em.flush();
            counted[0] = StationMap.bump(em);
            return managed(station);
        });
        map.written(managed.station(), counted[0]);
        return managed;
    }

    private static Managed managed(Station station) {
        return new Managed(station.snapshot(), station.getCheckinCode(), station.getUpdatedAt());
    }

    private static Station find(EntityManager em, long id, Places places) {
        Station station = find(em, id);
        station.requireWithin(places);
        return station;
    }

    static Station find(EntityManager em, long id) {
        Station station = em.find(Station.class, id);
        if (station == null) {
            throw Problem.notFound("There is no station " + id + ".");
        }
        return station;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static String newCode() {
        StringBuilder code = new StringBuilder("CS");
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** Checks what Bean Validation cannot: codes against the catalogue, the hours, the place, the status. */
    StationDetails details(StationDraft draft, CoordinateSystem coords) {
        City.Settings settings = city.settings();
        List<FieldError> errors = new ArrayList<>();
        StationKind kind = StationKind.parse(draft.kind()).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("kind", "'" + draft.kind() + "' is not a kind of station; one of "
                    + Codes.list(StationKind.values(), StationKind::code)));
        }
        GeoPoint location = coords.toWgs84(new GeoPoint(draft.lat(), draft.lon()));
        if (!settings.inCity(location.lat(), location.lon())) {
            errors.add(new FieldError("location", draft.lat() + "," + draft.lon() + " lies outside the city's area " + settings.areas()));
        }
        Set<String> services = new LinkedHashSet<>();
        List<String> requested = draft.services() == null ? List.of() : draft.services();
        for (int i = 0; i < requested.size(); i++) {
            String text = requested.get(i);
            int index = i;
            settings.catalogue().find(text).ifPresentOrElse(s -> services.add(s.code()),
                    () -> errors.add(new FieldError("services[" + index + "]", "'" + text + "' is not a service of the catalogue; one of "
                            + settings.catalogue().codes())));
        }
        WeeklyHours.Parsed hours = WeeklyHours.parse(draft.hours());
        hours.problems().forEach(p -> errors.add(new FieldError("hours[" + p.index() + "]", p.message())));
        List<ClosedDay> closures = new ArrayList<>();
        Set<java.time.LocalDate> dates = new HashSet<>();
        List<ClosureDraft> closureDrafts = draft.closures() == null ? List.of() : draft.closures();
        for (int i = 0; i < closureDrafts.size(); i++) {
            ClosureDraft closure = closureDrafts.get(i);
            if (!dates.add(closure.date())) {
                errors.add(new FieldError("closures[" + i + "].date", closure.date() + " is listed twice"));
            }
            closures.add(new ClosedDay(closure.date(), blankToNull(closure.reason())));
        }
        StationStatus status = StationStatus.OPEN;
        if (draft.status() != null && !draft.status().isBlank()) {
            status = StationStatus.parse(draft.status()).orElse(null);
            if (status == null) {
                errors.add(new FieldError("status", "'" + draft.status() + "' is not a status; one of "
                        + Codes.list(StationStatus.values(), StationStatus::code)));
            }
        }
        if (status == StationStatus.TEMPORARILY_CLOSED && blankToNull(draft.statusReason()) == null) {
            errors.add(new FieldError("statusReason", "say why the station is temporarily closed"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new StationDetails(draft.name().strip(), kind, blankToNull(draft.address()), blankToNull(draft.district()),
                blankToNull(draft.street()), blankToNull(draft.community()), location.lat(), location.lon(), services, hours.hours(),
                closures, draft.capacity(), blankToNull(draft.contactPhone()), status,
                status == StationStatus.OPEN ? null : blankToNull(draft.statusReason()));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
