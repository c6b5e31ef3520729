package org.district.plugins.courierstations.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KdTreeTest {

    record Place(long id, double lat, double lon) implements Indexed {
        @Override
        public Set<String> services() {
            return Set.of();
        }
    }

    @Test
    void equalDistancesResolveById() {
        // three stations in one building, one nearer: the nearest three are the nearer one, then the lowest ids
        List<Place> places = List.of(new Place(4, 30.01, 104.0), new Place(7, 30.01, 104.0), new Place(9, 30.005, 104.0),
                new Place(1, 30.01, 104.0), new Place(2, 30.3, 104.0));
        KdTree.Nearest<Place> nearest = new KdTree.Nearest<>(3, 4.0);
        new KdTree<>(places).nearest(KdTree.unit(30.0, 104.0), nearest, p -> true);
        assertEquals(List.of(9L, 1L, 4L), nearest.hits().stream().map(h -> h.item().id()).toList());
    }

    @Test
    void anyWithinAndForEachWithinAgreeWithDistances() {
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            places.add(new Place(i, 30.5 + (i % 25) * 0.01, 104.0 + (i / 25) * 0.01));
        }
        KdTree<Place> tree = new KdTree<>(places);
        double[] q = KdTree.unit(30.6, 104.1);
        double chord2 = KdTree.chord2(2_000);
        List<Place> within = new ArrayList<>();
        tree.forEachWithin(q, chord2, within::add);
        long expected = places.stream().filter(p -> org.district.plugins.courierstations.geo.GeoPoint.distance(30.6, 104.1, p.lat(), p.lon()) <= 2_000).count();
        assertEquals(expected, within.size());
        assertTrue(tree.anyWithin(q, chord2, p -> true));
        assertFalse(tree.anyWithin(KdTree.unit(31.5, 105.0), chord2, p -> true));
        assertEquals(2_000, KdTree.metres(chord2), 1e-6);
    }
}
