package org.district.plugins.courierstations.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.district.plugins.courierstations.coverage.DemandCsv.RowProblem;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.district.plugins.courierstations.geo.Gcj02;
import org.district.plugins.courierstations.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class DemandCsvTest {

    private static DemandCsv.Parsed read(String text) {
        return DemandCsv.read(text, CoordinateSystem.WGS84, (lat, lon) -> lat > 30 && lat < 31 && lon > 103.5 && lon < 104.5);
    }

    @Test
    void rowsWithoutAHeaderAreLatLonWeightAndTheWeightIsOptional() {
        DemandCsv.Parsed parsed = read("30.60,104.06,3\n30.61,104.07\n\n30.62,104.08,0.5\n");
        assertEquals(List.of(), parsed.problems());
        assertEquals(3, parsed.points().size());
        assertEquals(4.5, parsed.points().totalWeight());
        assertEquals(104.07, parsed.points().lon(1));
    }

    @Test
    void aHeaderMayNameTheColumnsInAnyOrderInChineseToo() {
        DemandCsv.Parsed parsed = read("\uFEFF权重,经度,纬度\n2,104.06,30.60\n");
        assertEquals(List.of(), parsed.problems());
        assertEquals(30.60, parsed.points().lat(0));
        assertEquals(2.0, parsed.points().weight(0));
    }

    @Test
    void everyBadRowIsReportedByLineAndColumnAndNothingIsReturned() {
        DemandCsv.Parsed parsed = read("lat,lon,weight\n30.60,104.06,1\n95,104.06,1\n30.61,abc,1\n30.62,104.06,-2\n39.9,116.4,1\n30.63\n");
        assertNull(parsed.points());
        assertEquals(List.of(
                new RowProblem(3, "lat", "95.0 is not a latitude (-90 to 90)"),
                new RowProblem(4, "lon", "'abc' is not a number"),
                new RowProblem(5, "weight", "must be 0 or more"),
                new RowProblem(6, null, "39.9,116.4 lies outside the city's area"),
                new RowProblem(7, "lon", "is missing")), parsed.problems());
    }

    @Test
    void aHeaderWithoutCoordinatesIsRefused() {
        DemandCsv.Parsed parsed = read("name,weight\nx,1\n");
        assertEquals(2, parsed.problemCount());
        assertEquals("lat", parsed.problems().get(0).column());
    }

    @Test
    void gcj02PointsAreStoredAsWgs84() {
        GeoPoint wgs = new GeoPoint(30.6, 104.06);
        GeoPoint gcj = Gcj02.fromWgs84(wgs);
        DemandCsv.Parsed parsed = DemandCsv.read(gcj.lat() + "," + gcj.lon() + ",1\n", CoordinateSystem.GCJ02, (a, b) -> true);
        assertTrue(new GeoPoint(parsed.points().lat(0), parsed.points().lon(0)).distanceTo(wgs) < 0.01);
    }

    @Test
    void chunksRoundTrip() {
        int n = DemandPoints.CHUNK * 2 + 5;
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = 30 + i * 1e-6;
            lon[i] = 104 - i * 1e-6;
            weight[i] = i % 7;
        }
        DemandPoints points = new DemandPoints(lat, lon, weight);
        assertEquals(3, points.chunks().size());
        DemandPoints back = DemandPoints.fromChunks(points.chunks());
        assertEquals(n, back.size());
        assertEquals(lat[n - 1], back.lat(n - 1));
        assertEquals(points.totalWeight(), back.totalWeight());
    }
}
