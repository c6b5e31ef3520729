package org.district.plugins.courierstations;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.persistence.EntityManager;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.plugins.courierstations.Station.ClosedDay;
import org.district.plugins.courierstations.hours.OpeningPeriod;
import org.district.plugins.courierstations.hours.WeeklyHours;
import org.district.plugins.courierstations.index.Hit;
import org.district.plugins.courierstations.index.SpatialIndex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Every station in memory, in a {@link SpatialIndex}: the public searches never touch the
 * database. This node's writes are applied as they commit. Another node's writes are noticed by
 * the change counter ({@link ChangeCounter}), read every {@value #CHECK_SECONDS} seconds: when it
 * has moved past what the index holds, the index is loaded again from the database. So a station
 * changed on another node shows in searches here within about that time.
 */
@Component(service = StationMap.class)
public class StationMap {

    static final long CHECK_SECONDS = 2;
    private static final System.Logger LOG = System.getLogger(StationMap.class.getName());

    @Reference
    private ModuleDatabase database;

    private final SpatialIndex<StationSnapshot> index = new SpatialIndex<>();
    /** The value of the change counter that the index reflects; guarded by this. */
    private long version = -1;
    private ScheduledExecutorService checker;

    @Activate
    void activate() {
        reload();
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "courier-stations-index");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::checkForChanges, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        checker.shutdownNow();
    }

    private void checkForChanges() {
        try {
            long stored = database.read(StationMap::counter);
            boolean moved;
            synchronized (this) {
                moved = stored != version;
            }
            if (moved) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not check for station changes: " + e.getMessage());
        }
    }

    /** Loads every station from the database. */
    public synchronized void reload() {
        database.read(em -> {
            long counted = counter(em);
            index.replaceAll(load(em));
            version = counted;
            return null;
        });
    }

    /** Moves the change counter in the writer's transaction; hand the result to {@link #written}. */
    static long bump(EntityManager em) {
        em.createQuery("update ChangeCounter c set c.version = c.version + 1 where c.id = " + ChangeCounter.ROW).executeUpdate();
        return counter(em);
    }

    private static long counter(EntityManager em) {
        return em.createQuery("select c.version from ChangeCounter c where c.id = " + ChangeCounter.ROW, Long.class).getSingleResult();
    }

    /**
     * Applies a committed write. If the counter moved by more than this write, another node wrote
     * in between: the index keeps its old version mark, and the next check loads everything.
     */
    synchronized void written(StationSnapshot station, long counted) {
        index.put(station);
        follow(counted);
    }

    synchronized void removed(long id, long counted) {
        index.remove(id);
        follow(counted);
    }

    private void follow(long counted) {
        if (counted == version + 1) {
            version = counted;
        }
    }

    public List<Hit<StationSnapshot>> nearest(double lat, double lon, int k, Set<String> services, Predicate<StationSnapshot> filter,
            double maxMetres) {
        return index.nearest(lat, lon, k, services, filter, maxMetres);
    }

    public boolean anyWithin(double lat, double lon, double metres, Predicate<StationSnapshot> filter) {
        return index.anyWithin(lat, lon, metres, filter);
    }

    /** Every station, in no particular order. */
    public List<StationSnapshot> all() {
        return index.all();
    }

    /** One station by id, or null. */
    public StationSnapshot get(long id) {
        return index.get(id);
    }

    public int size() {
        return index.size();
    }

    /** Stations per round of loading: bounds what the database driver and EclipseLink hold at once. */
    private static final int PAGE = 5_000;

    /**
     * Every station, in pages of {@value #PAGE} by id: four queries a page, however many
     * collections each station has. Equal values (hours, service sets, district names) are shared
     * between snapshots: 100,000 stations mostly repeat a few dozen.
     */
    private static List<StationSnapshot> load(EntityManager em) {
        Map<Object, Object> shared = new HashMap<>();
        List<StationSnapshot> stations = new ArrayList<>();
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> rows = em.createQuery("select s.id, s.name, s.kind, s.address, s.district, s.street, s.community, s.latitude,"
                    + " s.longitude, s.capacity, s.contactPhone, s.status, s.statusReason from Station s where s.id > :after order by s.id",
                    Object[].class).setParameter("after", after).setMaxResults(PAGE).getResultList();
            if (rows.isEmpty()) {
                return stations;
            }
            long first = (Long) rows.get(0)[0];
            long last = (Long) rows.get(rows.size() - 1)[0];
            Map<Long, Set<String>> services = new HashMap<>();
            for (Object[] row : page(em, "select s.id, v from Station s join s.services v", first, last)) {
                services.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((String) row[1]);
            }
            Map<Long, List<OpeningPeriod>> hours = new HashMap<>();
            for (Object[] row : page(em, "select s.id, h.day, h.opens, h.closes from Station s join s.hours h", first, last)) {
                hours.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                        .add(Station.Hours.period((DayOfWeek) row[1], (LocalTime) row[2], (LocalTime) row[3]));
            }
            Map<Long, List<ClosedDay>> closures = new HashMap<>();
            for (Object[] row : page(em, "select s.id, c.date, c.reason from Station s join s.closures c", first, last)) {
                closures.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(new ClosedDay((LocalDate) row[1], (String) row[2]));
            }
            for (Object[] row : rows) {
                long id = (Long) row[0];
                List<ClosedDay> closed = new ArrayList<>(closures.getOrDefault(id, List.of()));
                closed.sort(Comparator.comparing(ClosedDay::date));
                List<OpeningPeriod> periods = new ArrayList<>(hours.getOrDefault(id, List.of()));
                periods.sort(null);
                stations.add(new StationSnapshot(id, (String) row[1], (StationKind) row[2], (String) row[3], share(shared, (String) row[4]),
                        share(shared, (String) row[5]), share(shared, (String) row[6]), ((Number) row[7]).doubleValue(),
                        ((Number) row[8]).doubleValue(), share(shared, Set.copyOf(services.getOrDefault(id, Set.of()))),
                        share(shared, WeeklyHours.of(periods)), closed.isEmpty() ? List.of() : share(shared, List.copyOf(closed)),
                        (Integer) row[9], (String) row[10], (StationStatus) row[11], share(shared, (String) row[12])));
            }
            after = last;
        }
    }

    private static List<Object[]> page(EntityManager em, String select, long first, long last) {
        return em.createQuery(select + " where s.id between :first and :last", Object[].class)
                .setParameter("first", first).setParameter("last", last).getResultList();
    }

    @SuppressWarnings("unchecked")
    private static <V> V share(Map<Object, Object> shared, V value) {
        return value == null ? null : (V) shared.computeIfAbsent(value, v -> v);
    }
}
