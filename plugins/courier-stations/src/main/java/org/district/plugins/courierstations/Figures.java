package org.district.plugins.courierstations;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.TypedQuery;

import org.district.platform.api.access.Places;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Visit figures in the city's local time: visits per hour, day or week, the busiest hours of the
 * day, the services most used, the kinds of workers, and the busiest stations.
 */
@Component(service = Figures.class)
public class Figures {

    /** The most buckets one series may have: about twelve weeks by the hour. */
    static final int MAX_BUCKETS = 2_000;
    /** The longest period: the visits of a period are counted in memory. */
    static final int MAX_DAYS = 366;

    @Reference
    private ModuleDatabase database;

    @Reference
    private City city;

    @Reference
    private StationMap map;

    public enum Bucket { HOUR, DAY, WEEK }

    public record Count(String start, long visits) {
    }

    public record HourCount(int hour, long visits) {
    }

    public record ServiceUse(String code, String name, long uses) {
    }

    public record StationCount(long stationId, String name, long visits) {
    }

    public record Report(LocalDate from, LocalDate to, String timeZone, Long stationId, long visits, long visitors,
            Map<String, Long> byWorkerKind, String by, List<Count> series, List<HourCount> busiestHours, List<ServiceUse> services,
            List<StationCount> busiestStations) {
    }

    /** Figures for the days {@code from} to {@code to} (both included), of one station or all. */
    public Report report(LocalDate from, LocalDate to, Bucket by, Long stationId, Places places) {
        if (to.isBefore(from)) {
            throw Problem.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw Problem.invalid("from", "a period of at most " + MAX_DAYS + " days; ask year by year");
        }
        long buckets = switch (by) {
            case HOUR -> ChronoUnit.DAYS.between(from, to.plusDays(1)) * 24;
            case DAY -> ChronoUnit.DAYS.between(from, to.plusDays(1));
            case WEEK -> ChronoUnit.WEEKS.between(monday(from), monday(to)) + 1;
        };
        if (buckets > MAX_BUCKETS) {
            throw Problem.invalid("by", "a series of " + buckets + " " + by.name().toLowerCase(Locale.ROOT)
                    + "s is too long; at most " + MAX_BUCKETS + ": shorten the period or count by a longer unit");
        }
        ZoneId zone = city.settings().zone();
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        // A manager limited to places counts the visits of the stations in them.
        Set<Long> within = null;
        if (stationId != null) {
            StationSnapshot station = map.get(stationId);
            places.require("stationId", station == null ? null : station.district(), station == null ? null : station.street(),
                    station == null ? null : station.community());
        } else if (!places.isEverywhere()) {
            within = new HashSet<>();
            for (StationSnapshot station : map.all()) {
                if (places.covers(station.district(), station.street(), station.community())) {
                    within.add(station.id());
                }
            }
            within.add(-1L); // an empty list is no SQL
        }
        Set<Long> inPlaces = within;
        String scope = stationId != null ? " and v.stationId = :station" : inPlaces != null ? " and v.stationId in :stations" : "";
        List<Object[]> visits = database.read(em -> {
            TypedQuery<Object[]> query = em.createQuery("select v.stationId, v.at, v.workerKind, v.visitor from Visit v"
                    + " where v.at >= :from and v.at < :to" + scope, Object[].class);
            bind(query, start, end, stationId, inPlaces);
            return query.getResultList();
        });
        List<Object[]> uses = database.read(em -> {
            TypedQuery<Object[]> query = em.createQuery("select s, count(v) from Visit v join v.services s"
                    + " where v.at >= :from and v.at < :to" + scope + " group by s", Object[].class);
            bind(query, start, end, stationId, inPlaces);
            return query.getResultList();
        });

        Map<LocalDateTime, Long> series = new LinkedHashMap<>();
        for (LocalDateTime at = bucket(from.atStartOfDay(), by); !at.isAfter(to.atTime(23, 59)); at = next(at, by)) {
            series.put(at, 0L);
        }
        long[] hours = new long[24];
        Map<WorkerKind, Long> kinds = new EnumMap<>(WorkerKind.class);
        Map<Long, Long> perStation = new HashMap<>();
        Set<String> visitors = new HashSet<>();
        for (Object[] visit : visits) {
            LocalDateTime local = ((OffsetDateTime) visit[1]).atZoneSameInstant(zone).toLocalDateTime();
            series.merge(bucket(local, by), 1L, Long::sum);
            hours[local.getHour()]++;
            kinds.merge((WorkerKind) visit[2], 1L, Long::sum);
            perStation.merge((Long) visit[0], 1L, Long::sum);
            visitors.add((String) visit[3]);
        }
        List<Count> counts = new ArrayList<>();
        series.forEach((at, n) -> counts.add(new Count(label(at, by), n)));
        List<HourCount> busiest = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (hours[h] > 0) {
                busiest.add(new HourCount(h, hours[h]));
            }
        }
        busiest.sort(Comparator.comparingLong(HourCount::visits).reversed().thenComparingInt(HourCount::hour));
        ServiceCatalogue catalogue = city.settings().catalogue();
        List<ServiceUse> services = new ArrayList<>(uses.stream()
                .map(u -> new ServiceUse((String) u[0], catalogue.name((String) u[0]), ((Number) u[1]).longValue())).toList());
        services.sort(Comparator.comparingLong(ServiceUse::uses).reversed().thenComparing(ServiceUse::code));
        Map<String, Long> byKind = new LinkedHashMap<>();
        kinds.forEach((k, n) -> byKind.put(k.code(), n));
        List<StationCount> stations = new ArrayList<>(perStation.entrySet().stream()
                .map(e -> new StationCount(e.getKey(), name(e.getKey()), e.getValue())).toList());
        stations.sort(Comparator.comparingLong(StationCount::visits).reversed().thenComparingLong(StationCount::stationId));
        return new Report(from, to, zone.getId(), stationId, visits.size(), visitors.size(), byKind, by.name().toLowerCase(Locale.ROOT),
                counts, busiest, services, stations.size() > 20 ? List.copyOf(stations.subList(0, 20)) : stations);
    }

    private String name(long stationId) {
        StationSnapshot station = map.get(stationId);
        return station == null ? "station " + stationId : station.name();
    }

    private static void bind(TypedQuery<Object[]> query, OffsetDateTime from, OffsetDateTime to, Long stationId, Set<Long> stations) {
        query.setParameter("from", from).setParameter("to", to);
        if (stationId != null) {
            query.setParameter("station", stationId);
        } else if (stations != null) {
            query.setParameter("stations", stations);
        }
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDateTime bucket(LocalDateTime at, Bucket by) {
        return switch (by) {
            case HOUR -> at.truncatedTo(ChronoUnit.HOURS);
            case DAY -> at.toLocalDate().atStartOfDay();
            case WEEK -> monday(at.toLocalDate()).atStartOfDay();
        };
    }

    private static LocalDateTime next(LocalDateTime at, Bucket by) {
        return switch (by) {
            case HOUR -> at.plusHours(1);
            case DAY -> at.plusDays(1);
            case WEEK -> at.plusWeeks(1);
        };
    }

    private static String label(LocalDateTime at, Bucket by) {
        return by == Bucket.HOUR ? at.toString() : at.toLocalDate().toString();
    }
}
