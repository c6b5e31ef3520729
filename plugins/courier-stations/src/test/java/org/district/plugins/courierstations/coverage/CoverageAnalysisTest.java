package org.district.plugins.courierstations.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.district.plugins.courierstations.coverage.CoverageAnalysis.Cluster;
import org.district.plugins.courierstations.coverage.CoverageAnalysis.Proposal;
import org.district.plugins.courierstations.geo.GeoPoint;
import org.junit.jupiter.api.Test;

/** A small layout worked by hand: one station, demand beside it and in two places beyond its reach. */
class CoverageAnalysisTest {

    static final double RADIUS = 3_750;
    static final double STATION_LAT = 30.60;
    static final double STATION_LON = 104.06;
    /** About 1.1 km per 0.01 degree of latitude. */
    static final DemandPoints DEMAND = new DemandPoints(
            new double[] { 30.601, 30.599, 30.602, 30.600, /* east */ 30.60, 30.601, 30.599, /* north */ 30.70 },
            new double[] { 104.061, 104.059, 104.060, 104.062, /* east */ 104.16, 104.161, 104.161, /* north */ 104.06 },
            new double[] { 1, 1, 1, 1, 2, 2, 2, 5 });

    private static boolean[] covered() {
        return CoverageAnalysis.covered(DEMAND, (lat, lon, metres) -> GeoPoint.distance(lat, lon, STATION_LAT, STATION_LON) <= metres, RADIUS);
    }

    @Test
    void theShareCoveredIsTheWeightNearTheStation() {
        boolean[] covered = covered();
        assertEquals(4.0, CoverageAnalysis.weight(DEMAND, covered, true));
        assertEquals(11.0, CoverageAnalysis.weight(DEMAND, covered, false));
    }

    @Test
    void uncoveredDemandFormsTwoClustersHeaviestFirst() {
        List<Cluster> clusters = CoverageAnalysis.clusters(DEMAND, covered(), RADIUS, 10);
        assertEquals(2, clusters.size());
        assertEquals(6.0, clusters.get(0).weight());
        assertEquals(3, clusters.get(0).points());
        assertEquals(30.6, clusters.get(0).lat(), 0.001);
        assertEquals(104.1607, clusters.get(0).lon(), 0.001);
        assertEquals(5.0, clusters.get(1).weight());
        assertEquals(0.0, clusters.get(1).extentMetres());
    }

    @Test
    void greedyProposesTheHeavierPlaceFirstThenTheOther() {
        List<Proposal> proposals = CoverageAnalysis.propose(DEMAND, covered(), RADIUS, 3);
        assertEquals(2, proposals.size(), "a third site would add nothing");
        assertEquals(6.0, proposals.get(0).addedWeight());
        assertEquals(10.0 / 15.0, proposals.get(0).shareAfter(), 1e-12);
        assertTrue(GeoPoint.distance(proposals.get(0).lat(), proposals.get(0).lon(), 30.6, 104.1607) < 500);
        assertEquals(5.0, proposals.get(1).addedWeight());
        assertEquals(1.0, proposals.get(1).shareAfter(), 1e-12);
        assertTrue(GeoPoint.distance(proposals.get(1).lat(), proposals.get(1).lon(), 30.70, 104.06) < RADIUS);
    }

    @Test
    void oneSiteCoveringTwoPlacesBeatsTheHeaviestPlace() {
        // two groups 4 km apart (each 3 units) can share one site between them; a single 5-unit point cannot beat 6
        DemandPoints demand = new DemandPoints(new double[] { 30.60, 30.636, 30.80 }, new double[] { 104.30, 104.30, 104.06 },
                new double[] { 3, 3, 5 });
        List<Proposal> proposals = CoverageAnalysis.propose(demand, new boolean[3], RADIUS, 1);
        assertEquals(6.0, proposals.get(0).addedWeight());
    }

    @Test
    void spreadOutDemandFormsSeveralClustersEachWithinReachOfOneSite() {
        // a 30 km street with a rider every 100 m: one connected stretch, but no one station could serve it all
        int n = 300;
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = 30.60;
            lon[i] = 104.00 + i * 0.00104;
            weight[i] = 1;
        }
        DemandPoints street = new DemandPoints(lat, lon, weight);
        List<Cluster> clusters = CoverageAnalysis.clusters(street, new boolean[n], RADIUS, 100);
        assertTrue(clusters.size() >= 4, clusters.size() + " clusters");
        assertEquals(n, clusters.stream().mapToInt(Cluster::points).sum(), "every point in one cluster");
        clusters.forEach(c -> assertTrue(c.extentMetres() <= 1.5 * RADIUS, c.toString()));
    }
}
