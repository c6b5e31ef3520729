package org.district.plugins.courierstations.coverage;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.district.plugins.courierstations.geo.GeoPoint;

/**
 * Reads demand points from CSV: {@code lat,lon,weight} per line, weight optional (1). A header
 * row is optional and, when present, may name the columns in any order ({@code lat}/{@code latitude}/纬度,
 * {@code lon}/{@code lng}/{@code longitude}/经度, {@code weight}/{@code count}/权重). Every row is
 * checked; any fault refuses the whole file, each fault reported by line and column.
 */
public final class DemandCsv {

    /** The most points one upload may hold. */
    public static final int MAX_POINTS = 200_000;
    /** Faults listed at most; the count says how many there were in all. */
    public static final int MAX_PROBLEMS = 100;

    private static final Map<String, String> COLUMN_NAMES = Map.ofEntries(
            Map.entry("lat", "lat"), Map.entry("latitude", "lat"), Map.entry("纬度", "lat"), Map.entry("y", "lat"),
            Map.entry("lon", "lon"), Map.entry("lng", "lon"), Map.entry("long", "lon"), Map.entry("longitude", "lon"),
            Map.entry("经度", "lon"), Map.entry("x", "lon"),
            Map.entry("weight", "weight"), Map.entry("count", "weight"), Map.entry("权重", "weight"), Map.entry("热度", "weight"));

    private DemandCsv() {
    }

    /** A fault: the line of the file (1 is the first) and the column, or none for the whole line. */
    public record RowProblem(long line, String column, String reason) {
    }

    public record Parsed(DemandPoints points, List<RowProblem> problems, int problemCount) {
    }

    /**
     * Reads the text. Points are converted from {@code system} to WGS-84; {@code inCity} says
     * whether a WGS-84 point lies in the city's area.
     */
    public static Parsed read(String text, CoordinateSystem system, BiPredicate<Double, Double> inCity) {
        List<RowProblem> problems = new ArrayList<>();
        int[] count = { 0 };
        double[] lat = new double[1024];
        double[] lon = new double[1024];
        double[] weight = new double[1024];
        int n = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            int latAt = 0;
            int lonAt = 1;
            int weightAt = 2;
            boolean first = true;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (first) {
                    first = false;
                    if (isHeader(record)) {
                        int[] columns = columns(record, line, problems, count);
                        if (columns == null) {
                            return new Parsed(null, problems, count[0]);
                        }
                        latAt = columns[0];
                        lonAt = columns[1];
                        weightAt = columns[2];
                        continue;
                    }
                }
                if (n == MAX_POINTS) {
                    fault(problems, count, new RowProblem(line, null, "more than " + MAX_POINTS + " points; upload in parts"));
                    break;
                }
                Double la = number(record, latAt, "lat", line, problems, count, true);
                Double lo = number(record, lonAt, "lon", line, problems, count, true);
                Double w = weightAt >= 0 && weightAt < record.size() && !record.get(weightAt).isEmpty()
                        ? number(record, weightAt, "weight", line, problems, count, true) : Double.valueOf(1.0);
                if (la == null || lo == null || w == null) {
                    continue;
                }
                boolean ok = true;
                if (!(la >= -90 && la <= 90)) {
                    fault(problems, count, new RowProblem(line, "lat", la + " is not a latitude (-90 to 90)"));
                    ok = false;
                }
                if (!(lo >= -180 && lo <= 180)) {
                    fault(problems, count, new RowProblem(line, "lon", lo + " is not a longitude (-180 to 180)"));
                    ok = false;
                }
                if (!(w >= 0) || w.isInfinite()) {
                    fault(problems, count, new RowProblem(line, "weight", "must be 0 or more"));
                    ok = false;
                }
                if (!ok) {
                    continue;
                }
                GeoPoint wgs = system.toWgs84(new GeoPoint(la, lo));
                if (!inCity.test(wgs.lat(), wgs.lon())) {
                    fault(problems, count, new RowProblem(line, null, la + "," + lo + " lies outside the city's area"));
                    continue;
                }
                if (n == lat.length) {
                    lat = Arrays.copyOf(lat, n * 2);
                    lon = Arrays.copyOf(lon, n * 2);
                    weight = Arrays.copyOf(weight, n * 2);
                }
                lat[n] = wgs.lat();
                lon[n] = wgs.lon();
                weight[n] = w;
                n++;
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            fault(problems, count, new RowProblem(0, null, "not readable as CSV: " + e.getMessage()));
        }
        if (problems.isEmpty() && n == 0) {
            fault(problems, count, new RowProblem(0, null, "holds no points"));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems, count[0]);
        }
        return new Parsed(new DemandPoints(Arrays.copyOf(lat, n), Arrays.copyOf(lon, n), Arrays.copyOf(weight, n)), List.of(), 0);
    }

    private static boolean isHeader(CSVRecord record) {
        try {
            Double.parseDouble(record.get(0));
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static int[] columns(CSVRecord header, long line, List<RowProblem> problems, int[] count) {
        int[] at = { -1, -1, -1 };
        for (int i = 0; i < header.size(); i++) {
            String name = COLUMN_NAMES.get(header.get(i).strip().toLowerCase(Locale.ROOT));
            if (name != null) {
                at[name.equals("lat") ? 0 : name.equals("lon") ? 1 : 2] = i;
            }
        }
        if (at[0] < 0) {
            fault(problems, count, new RowProblem(line, "lat", "the header names no latitude column (lat, latitude, 纬度)"));
        }
        if (at[1] < 0) {
            fault(problems, count, new RowProblem(line, "lon", "the header names no longitude column (lon, lng, longitude, 经度)"));
        }
        return at[0] < 0 || at[1] < 0 ? null : at;
    }

    private static Double number(CSVRecord record, int index, String column, long line, List<RowProblem> problems, int[] count,
            boolean required) {
        if (index >= record.size() || record.get(index).isEmpty()) {
            if (required) {
                fault(problems, count, new RowProblem(line, column, "is missing"));
            }
            return null;
        }
        String text = record.get(index);
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            fault(problems, count, new RowProblem(line, column, "'" + text + "' is not a number"));
            return null;
        }
    }

    private static void fault(List<RowProblem> problems, int[] count, RowProblem problem) {
        count[0]++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
