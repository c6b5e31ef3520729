package org.district.plugins.courierstations.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The GCJ-02 transform against the reference pairs published with the eviltransform
 * implementations (googollee/eviltransform, its test fixtures for Shanghai, Shenzhen and Beijing).
 */
class Gcj02Test {

    /** wgsLat, wgsLon, gcjLat, gcjLon */
    static final double[][] PUBLISHED = {
        { 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215 },   // Shanghai
        { 22.543847, 113.912316, 22.540796131694766, 113.9171764808363 },   // Shenzhen
        { 39.911954, 116.377817, 39.91334545536069, 116.38404722455657 },   // Beijing
    };

    @Test
    void wgs84ToGcj02MatchesThePublishedPairs() {
        for (double[] pair : PUBLISHED) {
            GeoPoint gcj = Gcj02.fromWgs84(new GeoPoint(pair[0], pair[1]));
            assertEquals(pair[2], gcj.lat(), 1e-9);
            assertEquals(pair[3], gcj.lon(), 1e-9);
        }
    }

    @Test
    void gcj02ToWgs84RecoversThePublishedWgs84PointsToTheMillimetre() {
        for (double[] pair : PUBLISHED) {
            GeoPoint wgs = Gcj02.toWgs84(new GeoPoint(pair[2], pair[3]));
            assertTrue(wgs.distanceTo(new GeoPoint(pair[0], pair[1])) < 0.001, () -> wgs + " is not " + pair[0] + "," + pair[1]);
        }
    }

    @Test
    void theRoundTripHoldsAcrossChengduAndTaizhou() {
        for (double lat = 28.0; lat <= 31.5; lat += 0.25) {
            for (double lon = 103.5; lon <= 122.0; lon += 0.75) {
                GeoPoint wgs = new GeoPoint(lat, lon);
                GeoPoint back = Gcj02.toWgs84(Gcj02.fromWgs84(wgs));
                assertTrue(back.distanceTo(wgs) < 0.001, () -> wgs + " came back as " + back);
            }
        }
    }

    @Test
    void theOffsetInChengduIsTheFewHundredMetresMapAppsShow() {
        GeoPoint tianfuSquare = new GeoPoint(30.6570, 104.0657);
        double offset = Gcj02.fromWgs84(tianfuSquare).distanceTo(tianfuSquare);
        assertTrue(offset > 200 && offset < 700, "offset " + offset);
    }

    @Test
    void outsideChinaNothingMoves() {
        GeoPoint denver = new GeoPoint(39.7392, -104.9903);
        assertSame(denver, Gcj02.fromWgs84(denver));
        assertSame(denver, Gcj02.toWgs84(denver));
    }

    @Test
    void distancesAreGreatCircle() {
        // Shanghai to Beijing, as the same reference fixtures give it: 1,078,164 m within a metre... on their sphere.
        double metres = GeoPoint.distance(31.17530398364597, 121.531541859215, 39.91334545536069, 116.38404722455657);
        assertEquals(1_078_164, metres, 1_500);
        assertEquals(0, GeoPoint.distance(30.5, 104.0, 30.5, 104.0));
    }
}
