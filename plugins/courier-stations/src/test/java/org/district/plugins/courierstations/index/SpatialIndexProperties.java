package org.district.plugins.courierstations.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.district.plugins.courierstations.geo.GeoPoint;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The index's nearest answers equal a brute-force scan, through any mix of writes, removals and rebuilds. */
class SpatialIndexProperties {

    private static final String[] SERVICES = { "battery_swap", "toilet", "hot_water", "wifi", "lockers" };

    record Place(long id, double lat, double lon, Set<String> services, boolean open) implements Indexed {
    }

    @Property(tries = 300)
    void nearestEqualsABruteForceScan(@ForAll @LongRange(min = 1) long seed, @ForAll @IntRange(min = 0, max = 600) int places,
            @ForAll @IntRange(min = 0, max = 400) int writes, @ForAll @IntRange(min = 1, max = 30) int k) {
        Random random = new Random(seed);
        // half the layouts in one city, half spread over the globe: dense ties, poles, the date line
        boolean city = random.nextBoolean();
        Map<Long, Place> truth = new HashMap<>();
        List<Place> initial = new ArrayList<>();
        for (long id = 1; id <= places; id++) {
            Place place = place(id, random, city);
            initial.add(place);
            truth.put(id, place);
        }
        SpatialIndex<Place> index = new SpatialIndex<>();
        index.replaceAll(initial);
        long nextId = places + 1;
        for (int w = 0; w < writes; w++) {
            int what = random.nextInt(3);
            if (what == 0 || truth.isEmpty()) {
                Place added = place(nextId++, random, city);
                index.put(added);
                truth.put(added.id(), added);
            } else {
                long id = new ArrayList<>(truth.keySet()).get(random.nextInt(truth.size()));
                if (what == 1) {
                    Place moved = place(id, random, city);
                    index.put(moved);
                    truth.put(id, moved);
                } else {
                    index.remove(id);
                    truth.remove(id);
                }
            }
        }
        assertEquals(truth.size(), index.size());
        for (int q = 0; q < 20; q++) {
            double lat = city ? 30.6 + random.nextGaussian() * 0.05 : -90 + random.nextDouble() * 180;
            double lon = city ? 104.06 + random.nextGaussian() * 0.05 : -180 + random.nextDouble() * 360;
            Set<String> wanted = random.nextInt(3) == 0 ? Set.of() : Set.of(SERVICES[random.nextInt(SERVICES.length)]);
            Predicate<Place> filter = random.nextBoolean() ? p -> true : Place::open;
            double max = random.nextInt(4) == 0 ? 2_000 + random.nextDouble() * 5_000 : Double.MAX_VALUE;

            List<Hit<Place>> found = index.nearest(lat, lon, k, wanted, filter, max);
            List<Hit<Place>> expected = bruteForce(truth.values(), lat, lon, k, wanted, filter, max);
            assertEquals(expected.size(), found.size(), "how many");
            for (int i = 0; i < found.size(); i++) {
                assertEquals(expected.get(i).metres(), found.get(i).metres(), 1e-3, "distance of hit " + i);
                // only a near-tie in distance may be ordered differently by the two ways of measuring
                if (i + 1 >= expected.size() || expected.get(i + 1).metres() - expected.get(i).metres() > 1e-3) {
                    if (i == 0 || expected.get(i).metres() - expected.get(i - 1).metres() > 1e-3) {
                        assertEquals(expected.get(i).item().id(), found.get(i).item().id(), "hit " + i);
                    }
                }
            }
        }
    }

    private static Place place(long id, Random random, boolean city) {
        double lat;
        double lon;
        if (city) {
            // a coarse grid makes equal distances, which must resolve the same way
            lat = 30.6 + Math.round(random.nextGaussian() * 40) * 0.001;
            lon = 104.06 + Math.round(random.nextGaussian() * 40) * 0.001;
        } else {
            lat = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
            lon = -180 + random.nextDouble() * 360;
        }
        Set<String> services = new java.util.HashSet<>();
        for (String service : SERVICES) {
            if (random.nextInt(3) == 0) {
                services.add(service);
            }
        }
        return new Place(id, lat, lon, Set.copyOf(services), random.nextInt(4) != 0);
    }

    private static List<Hit<Place>> bruteForce(java.util.Collection<Place> places, double lat, double lon, int k, Set<String> services,
            Predicate<Place> filter, double max) {
        return places.stream()
                .filter(p -> p.services().containsAll(services) && filter.test(p))
                .map(p -> new Hit<>(p, GeoPoint.distance(lat, lon, p.lat(), p.lon())))
                .filter(h -> h.metres() <= max)
                .sorted(Comparator.<Hit<Place>>comparingDouble(Hit::metres).thenComparingLong(h -> h.item().id()))
                .limit(k)
                .toList();
    }
}
