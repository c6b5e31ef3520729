package org.district.benchmarks.jmh;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.district.benchmarks.Json;
import org.district.benchmarks.baseline.CityDefaults;
import org.district.benchmarks.baseline.NearestAnswers;
import org.district.plugins.courierstations.Views.Nearest;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * What the nearest endpoint does besides the search: the answer for ten stations (the module's
 * own {@code Views} records) written as JSON by Jackson with the platform's settings, and the
 * views built from the snapshots (names, hours lines, masked phones).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StationJsonBenchmark {

    private NearestAnswers answers;
    private Nearest<?> answer;
    private ObjectWriter writer;
    private final LocalDateTime at = LocalDateTime.of(2026, 11, 20, 21, 30);

    @Setup
    public void prepare() {
        answers = new NearestAnswers(CityDefaults.settings(), SyntheticStations.generate(1_000, 20261122L));
        answer = answer();
        if (answer.stations().size() != 10) {
            throw new IllegalStateException("expected ten stations, found " + answer.stations().size());
        }
        writer = Json.mapper().writerFor(Nearest.class);
        try {
            if (!writer.writeValueAsString(answer).equals(writer.writeValueAsString(written()))) {
                throw new IllegalStateException("the answer with written views differs from the one written whole");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Nearest<?> written() {
        return answers.nearestWritten(30.65, 104.05, CoordinateSystem.WGS84, Set.of("battery_swap"), true, at, 10, null);
    }

    private Nearest<?> answer() {
        return answers.nearest(30.65, 104.05, CoordinateSystem.WGS84, Set.of("battery_swap"), true, at, 10, null);
    }

    /** Ten nearby stations to JSON bytes (about 10 KB), as the platform's Jackson provider writes them. */
    @Benchmark
    public byte[] writeNearest10() throws JsonProcessingException {
        return writer.writeValueAsBytes(answer);
    }

    /** The search over 1,000 stations and the views of its ten stations, without the JSON. */
    @Benchmark
    public Nearest<?> searchAndViews() {
        return answer();
    }

    /** Both, as the endpoint did until 2026-11-23: every view built and written for each answer. */
    @Benchmark
    public byte[] searchViewsAndJson() throws JsonProcessingException {
        return writer.writeValueAsBytes(answer());
    }

    /** What the endpoint's method and the JSON provider do for one request: the views written once, copied in. */
    @Benchmark
    public byte[] searchWrittenViewsAndJson() throws JsonProcessingException {
        return writer.writeValueAsBytes(written());
    }
}
