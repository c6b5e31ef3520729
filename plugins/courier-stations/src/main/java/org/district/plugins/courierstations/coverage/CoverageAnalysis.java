package org.district.plugins.courierstations.coverage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

import org.district.plugins.courierstations.geo.GeoPoint;
import org.district.plugins.courierstations.index.Indexed;
import org.district.plugins.courierstations.index.KdTree;

/**
 * How much of the demand lies within the service radius of a station, where the uncovered demand
 * gathers, and where new stations would add most. Proposals are chosen by greedy maximum
 * coverage: each next site is the candidate that covers the most weight not yet covered. Greedy
 * is within a factor (1 - 1/e) of the best possible choice of k sites, and gives the same answer
 * every time for the same input.
 */
public final class CoverageAnalysis {

    private static final double METRES_PER_DEGREE = Math.PI * GeoPoint.EARTH_RADIUS / 180;

    private CoverageAnalysis() {
    }

    /** Whether a station that counts lies within the radius of a point. */
    @FunctionalInterface
    public interface Stations {
        boolean within(double lat, double lon, double metres);
    }

    /**
     * A group of uncovered demand: neighbouring cells of half the radius that hold uncovered points,
     * no further from the group's first cell than one radius, so one new station could serve it.
     */
    public record Cluster(double lat, double lon, int points, double weight, double extentMetres) {
    }

    /** One proposed site, in the order chosen, with what it adds and the share of demand covered once it is built. */
    public record Proposal(int rank, double lat, double lon, double addedWeight, int addedPoints, double shareAfter) {
    }

    /** Which points lie within {@code radius} of a station. */
    public static boolean[] covered(DemandPoints demand, Stations stations, double radius) {
        boolean[] covered = new boolean[demand.size()];
        for (int i = 0; i < demand.size(); i++) {
            covered[i] = stations.within(demand.lat(i), demand.lon(i), radius);
        }
        return covered;
    }

    public static double weight(DemandPoints demand, boolean[] covered, boolean which) {
        double total = 0;
        for (int i = 0; i < demand.size(); i++) {
            if (covered[i] == which) {
                total += demand.weight(i);
            }
        }
        return total;
    }

    /**
     * The uncovered demand, grouped; heaviest first, at most {@code max}. Groups grow from the
     * heaviest cell not yet taken, through neighbouring cells, up to a radius from where they began:
     * spread-out demand gives several groups a station each could serve, not one sprawling group.
     */
    public static List<Cluster> clusters(DemandPoints demand, boolean[] covered, double radius, int max) {
        Grid grid = new Grid(demand, covered, radius / 2);
        Map<Long, List<Integer>> cells = grid.cells;
        Map<Long, Double> cellWeight = new HashMap<>();
        cells.forEach((cell, members) -> cellWeight.put(cell, members.stream().mapToDouble(demand::weight).sum()));
        List<Long> heaviestFirst = new ArrayList<>(cells.keySet());
        heaviestFirst.sort(Comparator.<Long>comparingDouble(cellWeight::get).reversed().thenComparing(Comparator.naturalOrder()));
        Map<Long, Boolean> taken = new HashMap<>();
        List<Cluster> clusters = new ArrayList<>();
        for (Long seed : heaviestFirst) {
            if (taken.containsKey(seed)) {
                continue;
            }
            int sx = Grid.x(seed);
            int sy = Grid.y(seed);
            List<Integer> members = new ArrayList<>();
            ArrayDeque<Long> queue = new ArrayDeque<>();
            queue.add(seed);
            taken.put(seed, true);
            while (!queue.isEmpty()) {
                long cell = queue.poll();
                members.addAll(cells.get(cell));
                for (int dx = -1; dx <= 1; dx++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        int nx = Grid.x(cell) + dx;
                        int ny = Grid.y(cell) + dy;
                        long next = Grid.key(nx, ny);
                        // cells of half the radius: two cells from the seed is one radius
                        boolean near = (nx - sx) * (nx - sx) + (ny - sy) * (ny - sy) <= 4;
                        if (near && cells.containsKey(next) && !taken.containsKey(next)) {
                            taken.put(next, true);
                            queue.add(next);
                        }
                    }
                }
            }
            clusters.add(cluster(demand, members));
        }
        clusters.sort(Comparator.comparingDouble(Cluster::weight).reversed().thenComparingDouble(Cluster::lat).thenComparingDouble(Cluster::lon));
        return clusters.size() > max ? List.copyOf(clusters.subList(0, max)) : clusters;
    }

    private static Cluster cluster(DemandPoints demand, List<Integer> members) {
        double weight = 0;
        double lat = 0;
        double lon = 0;
        for (int i : members) {
            weight += demand.weight(i);
        }
        for (int i : members) {
            double share = weight > 0 ? demand.weight(i) / weight : 1.0 / members.size();
            lat += demand.lat(i) * share;
            lon += demand.lon(i) * share;
        }
        double extent = 0;
        for (int i : members) {
            extent = Math.max(extent, GeoPoint.distance(lat, lon, demand.lat(i), demand.lon(i)));
        }
        return new Cluster(lat, lon, members.size(), weight, extent);
    }

    /**
     * Up to {@code k} new sites by greedy maximum coverage over the candidates of
     * {@link #candidates}; a candidate's gain is the uncovered weight within the radius of it.
     */
    public static List<Proposal> propose(DemandPoints demand, boolean[] covered, double radius, int k) {
        boolean[] done = covered.clone();
        double total = demand.totalWeight();
        double coveredWeight = weight(demand, done, true);
        List<Point> uncovered = new ArrayList<>();
        for (int i = 0; i < demand.size(); i++) {
            if (!done[i] && demand.weight(i) > 0) {
                uncovered.add(new Point(i, demand.lat(i), demand.lon(i)));
            }
        }
        if (uncovered.isEmpty() || k < 1) {
            return List.of();
        }
        KdTree<Point> tree = new KdTree<>(uncovered);
        List<double[]> candidates = candidates(demand, done, radius);
        double chord2 = KdTree.chord2(radius);
        // Lazy greedy: a candidate's gain only falls as sites are chosen, so a stale gain is an upper bound.
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int c = 0; c < candidates.size(); c++) {
            queue.add(new double[] { gain(tree, candidates.get(c), chord2, demand, done, null), c });
        }
        List<Proposal> proposals = new ArrayList<>();
        while (proposals.size() < k && !queue.isEmpty()) {
            double[] top = queue.poll();
            double[] site = candidates.get((int) top[1]);
            double fresh = gain(tree, site, chord2, demand, done, null);
            if (fresh <= 0) {
                continue;
            }
            double[] next = queue.peek();
            if (next != null && (fresh < next[0] || (fresh == next[0] && next[1] < top[1]))) {
                queue.add(new double[] { fresh, top[1] });
                continue;
            }
            List<Integer> taken = new ArrayList<>();
            gain(tree, site, chord2, demand, done, taken);
            for (int i : taken) {
                done[i] = true;
            }
            coveredWeight += fresh;
            proposals.add(new Proposal(proposals.size() + 1, site[0], site[1], fresh, taken.size(), total > 0 ? coveredWeight / total : 0));
        }
        return proposals;
    }

    private static double gain(KdTree<Point> tree, double[] site, double chord2, DemandPoints demand, boolean[] done, List<Integer> taken) {
        double[] sum = { 0 };
        tree.forEachWithin(KdTree.unit(site[0], site[1]), chord2, p -> {
            if (!done[p.index]) {
                sum[0] += demand.weight(p.index);
                if (taken != null) {
                    taken.add(p.index);
                }
            }
        });
        return sum[0];
    }

    /**
     * The weighted centre of the uncovered demand in each occupied cell, then the centres of the
     * occupied cells and of their neighbours: a lattice of half the radius, so a site between two
     * groups of demand is among the candidates too.
     */
    private static List<double[]> candidates(DemandPoints demand, boolean[] covered, double radius) {
        List<double[]> candidates = new ArrayList<>();
        Grid grid = new Grid(demand, covered, radius / 2);
        TreeMap<Long, List<Integer>> cells = new TreeMap<>(grid.cells);
        for (List<Integer> members : cells.values()) {
            Cluster centre = cluster(demand, members);
            candidates.add(new double[] { centre.lat(), centre.lon() });
        }
        java.util.TreeSet<Long> lattice = new java.util.TreeSet<>();
        for (long cell : cells.keySet()) {
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    lattice.add(Grid.key(Grid.x(cell) + dx, Grid.y(cell) + dy));
                }
            }
        }
        for (long cell : lattice) {
            candidates.add(grid.centre(cell));
        }
        return candidates;
    }

    /** A demand point in the proposal's tree. */
    private record Point(int index, double lat, double lon) implements Indexed {
        @Override
        public long id() {
            return index;
        }

        @Override
        public Set<String> services() {
            return Set.of();
        }
    }

    /** The uncovered points in square cells of about {@code cellMetres}, keyed by cell. */
    private static final class Grid {
        final Map<Long, List<Integer>> cells = new HashMap<>();
        private final double latStep;
        private final double lonStep;

        Grid(DemandPoints demand, boolean[] covered, double cellMetres) {
            latStep = cellMetres / METRES_PER_DEGREE;
            // One longitude step for all cells, taken at the mean latitude: cells stay square within a city.
            double meanLat = 0;
            int n = 0;
            for (int i = 0; i < demand.size(); i++) {
                if (!covered[i]) {
                    meanLat += demand.lat(i);
                    n++;
                }
            }
            meanLat = n == 0 ? 0 : meanLat / n;
            lonStep = latStep / Math.max(0.01, Math.cos(Math.toRadians(meanLat)));
            for (int i = 0; i < demand.size(); i++) {
                if (!covered[i]) {
                    long cell = key((int) Math.floor(demand.lon(i) / lonStep), (int) Math.floor(demand.lat(i) / latStep));
                    cells.computeIfAbsent(cell, c -> new ArrayList<>()).add(i);
                }
            }
        }

        /** The middle of a cell, latitude then longitude. */
        double[] centre(long cell) {
            return new double[] { (y(cell) + 0.5) * latStep, (x(cell) + 0.5) * lonStep };
        }

        static long key(int x, int y) {
            return ((long) x << 32) | (y & 0xffffffffL);
        }

        static int x(long key) {
            return (int) (key >> 32);
        }

        static int y(long key) {
            return (int) key;
        }
    }
}
