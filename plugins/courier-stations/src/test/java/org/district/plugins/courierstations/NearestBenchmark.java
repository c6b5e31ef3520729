package org.district.plugins.courierstations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.district.plugins.courierstations.coverage.CoverageAnalysis;
import org.district.plugins.courierstations.coverage.DemandPoints;
import org.district.plugins.courierstations.hours.WeeklyHours;
import org.district.plugins.courierstations.index.Hit;
import org.district.plugins.courierstations.index.SpatialIndex;

/**
 * Times the in-memory search: nearest-10 with a service filter and "open now" over 100,000
 * stations spread over greater Chengdu, one query at a time; then coverage of 100,000 demand points
 * against 1,000 stations. Generated from a fixed seed so that runs compare. Run its {@code main}
 * from the test classpath; it is not a test.
 */
public final class NearestBenchmark {

    private static final int STATIONS = 100_000;
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 100_000;
    private static final String[] SERVICES = { "rest_seats", "drinking_water", "hot_water", "microwave", "phone_charging", "battery_swap",
        "ebike_charging", "toilet", "air_conditioning", "repair_tools", "first_aid", "umbrella_loan", "wifi", "lockers",
        "discounted_meals", "policy_consultation" };

    private NearestBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(20261122L);
        List<WeeklyHours> hours = List.of(WeeklyHours.aroundTheClock(), parse("Daily 08:00-22:00"),
                parse("Mon-Fri 09:00-21:00", "Sat,Sun 10:00-20:00"), parse("Daily 07:00-23:00"), parse("Daily 10:00-24:00", "Daily 00:00-02:00"));
        List<StationSnapshot> stations = new ArrayList<>(STATIONS);
        for (int i = 1; i <= STATIONS; i++) {
            stations.add(station(i, 30.45 + random.nextDouble() * 0.45, 103.85 + random.nextDouble() * 0.45, random, hours));
        }
        SpatialIndex<StationSnapshot> index = new SpatialIndex<>();
        long built = System.nanoTime();
        index.replaceAll(stations);
        double buildMs = (System.nanoTime() - built) / 1e6;

        LocalDateTime now = LocalDate.of(2026, 11, 20).atTime(21, 30);
        Predicate<StationSnapshot> openNow = s -> s.openAt(now);
        Set<String> swap = Set.of("battery_swap");
        double[][] queries = new double[WARM_UP + MEASURED][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = new double[] { 30.45 + random.nextDouble() * 0.45, 103.85 + random.nextDouble() * 0.45 };
        }
        long sink = 0;
        for (int q = 0; q < WARM_UP; q++) {
            sink += index.nearest(queries[q][0], queries[q][1], 10, swap, openNow, Double.MAX_VALUE).size();
        }
        long[] nanos = new long[MEASURED];
        for (int q = 0; q < MEASURED; q++) {
            double[] at = queries[WARM_UP + q];
            long started = System.nanoTime();
            List<Hit<StationSnapshot>> hits = index.nearest(at[0], at[1], 10, swap, openNow, Double.MAX_VALUE);
            nanos[q] = System.nanoTime() - started;
            sink += hits.size();
        }
        Arrays.sort(nanos);

        // the same with 1,000 recent writes not yet folded into the trees
        for (int i = 0; i < 1_000; i++) {
            index.put(station(1 + random.nextInt(STATIONS), 30.45 + random.nextDouble() * 0.45, 103.85 + random.nextDouble() * 0.45, random, hours));
        }
        long[] afterWrites = new long[MEASURED / 10];
        for (int q = 0; q < afterWrites.length; q++) {
            double[] at = queries[q];
            long started = System.nanoTime();
            sink += index.nearest(at[0], at[1], 10, swap, openNow, Double.MAX_VALUE).size();
            afterWrites[q] = System.nanoTime() - started;
        }
        Arrays.sort(afterWrites);

        System.out.printf(Locale.ROOT, "nearest-10, battery_swap, open now, %,d stations (%d cores, %s %s)%n", STATIONS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  index build           %8.1f ms%n", buildMs);
        System.out.printf(Locale.ROOT, "  median                %8.1f us%n", nanos[nanos.length / 2] / 1e3);
        System.out.printf(Locale.ROOT, "  p99                   %8.1f us%n", nanos[(int) (nanos.length * 0.99)] / 1e3);
        System.out.printf(Locale.ROOT, "  max                   %8.1f us%n", nanos[nanos.length - 1] / 1e3);
        System.out.printf(Locale.ROOT, "  with 1,000 recent writes: median %.1f us, p99 %.1f us%n", afterWrites[afterWrites.length / 2] / 1e3,
                afterWrites[(int) (afterWrites.length * 0.99)] / 1e3);

        coverage(random, hours, sink);
    }

    /** 100,000 demand points against 1,000 stations: share covered and clusters, then ten proposals. */
    private static void coverage(Random random, List<WeeklyHours> hours, long sink) {
        List<StationSnapshot> stations = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            stations.add(station(i, 30.45 + random.nextDouble() * 0.45, 103.85 + random.nextDouble() * 0.45, random, hours));
        }
        int n = 100_000;
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = 30.3 + random.nextDouble() * 0.75;
            lon[i] = 103.7 + random.nextDouble() * 0.75;
            weight[i] = 1 + random.nextInt(9);
        }
        DemandPoints demand = new DemandPoints(lat, lon, weight);
        double[] best = { Double.MAX_VALUE, Double.MAX_VALUE };
        double share = 0;
        int clusters = 0;
        int proposals = 0;
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            SpatialIndex<StationSnapshot> index = new SpatialIndex<>();
            index.replaceAll(stations);
            boolean[] covered = CoverageAnalysis.covered(demand, (la, lo, m) -> index.anyWithin(la, lo, m, s -> s.status() == StationStatus.OPEN), 3_750);
            share = CoverageAnalysis.weight(demand, covered, true) / demand.totalWeight();
            clusters = CoverageAnalysis.clusters(demand, covered, 3_750, 20).size();
            best[0] = Math.min(best[0], (System.nanoTime() - started) / 1e6);
            started = System.nanoTime();
            proposals = CoverageAnalysis.propose(demand, covered, 3_750, 10).size();
            best[1] = Math.min(best[1], (System.nanoTime() - started) / 1e6);
        }
        System.out.printf(Locale.ROOT, "coverage, %,d demand points, 1,000 stations, radius 3,750 m: share %.3f%n", n, share);
        System.out.printf(Locale.ROOT, "  share and %d clusters %8.1f ms (best of 5), index build included%n", clusters, best[0]);
        System.out.printf(Locale.ROOT, "  %d proposals (greedy) %8.1f ms (best of 5)%n", proposals, best[1]);
        System.out.println("(checksum " + sink + ")");
    }

    private static WeeklyHours parse(String... lines) {
        return WeeklyHours.parse(List.of(lines)).hours();
    }

    private static StationSnapshot station(long id, double lat, double lon, Random random, List<WeeklyHours> hours) {
        Set<String> services = new HashSet<>();
        for (String service : SERVICES) {
            if (random.nextInt(10) < (service.equals("battery_swap") ? 3 : 5)) {
                services.add(service);
            }
        }
        return new StationSnapshot(id, "station " + id, StationKind.RIDER, null, null, null, null, lat, lon, Set.copyOf(services),
                hours.get(random.nextInt(hours.size())), List.of(), 10, null, random.nextInt(50) == 0 ? StationStatus.TEMPORARILY_CLOSED
                        : StationStatus.OPEN, null);
    }
}
