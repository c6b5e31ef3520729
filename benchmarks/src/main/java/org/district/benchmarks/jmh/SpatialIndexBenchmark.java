package org.district.benchmarks.jmh;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.district.plugins.courierstations.StationSnapshot;
import org.district.plugins.courierstations.index.Hit;
import org.district.plugins.courierstations.index.SpatialIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The search behind {@code GET /public/stations/nearest}: the courier-stations module's
 * {@link SpatialIndex}, nearest 10 offering battery swap (30% of stations) and open at 21:30, at
 * points drawn over the same area, one after another.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpatialIndexBenchmark {

    private static final int POINTS = 4096;

    @Param("100000")
    public int stations;

    private SpatialIndex<StationSnapshot> index;
    private final double[] lat = new double[POINTS];
    private final double[] lon = new double[POINTS];
    private final Set<String> batterySwap = Set.of("battery_swap");
    private Predicate<StationSnapshot> openAtNight;
    private int next;

    @Setup
    public void build() {
        index = new SpatialIndex<>();
        index.replaceAll(SyntheticStations.generate(stations, 20261122L));
        Random random = new Random(7);
        for (int i = 0; i < POINTS; i++) {
            lat[i] = SyntheticStations.SOUTH + random.nextDouble() * SyntheticStations.SPAN;
            lon[i] = SyntheticStations.WEST + random.nextDouble() * SyntheticStations.SPAN;
        }
        LocalDateTime at = LocalDateTime.of(2026, 11, 20, 21, 30);
        openAtNight = s -> s.openAt(at);
    }

    @Benchmark
    public List<Hit<StationSnapshot>> nearest10BatterySwapOpen() {
        int i = next++ & (POINTS - 1);
        return index.nearest(lat[i], lon[i], 10, batterySwap, openAtNight, Double.MAX_VALUE);
    }
}
