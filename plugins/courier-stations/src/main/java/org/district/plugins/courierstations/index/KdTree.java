package org.district.plugins.courierstations.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.district.plugins.courierstations.geo.GeoPoint;

/**
 * An immutable k-d tree over points on the earth, held as unit vectors in three dimensions. The
 * straight-line (chord) distance between unit vectors grows with the great-circle distance, so
 * the nearest by chord are exactly the nearest on the sphere, with no distortion near the poles or
 * across the date line. The tree is implicit: each range's median element splits it, on the axis
 * where the range is widest; small ranges are scanned.
 */
public final class KdTree<T extends Indexed> {

    private static final int LEAF = 8;

    private final Object[] items;
    private final long[] ids;
    private final double[] x;
    private final double[] y;
    private final double[] z;
    /** The split axis of the node whose median sits at each index; unused inside leaves. */
    private final byte[] axis;

    public KdTree(List<T> things) {
        int n = things.size();
        items = things.toArray();
        ids = new long[n];
        x = new double[n];
        y = new double[n];
        z = new double[n];
        axis = new byte[n];
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            T item = (T) items[i];
            ids[i] = item.id();
            double[] v = unit(item.lat(), item.lon());
            x[i] = v[0];
            y[i] = v[1];
            z[i] = v[2];
        }
        build(0, n);
    }

    public int size() {
        return items.length;
    }

    /** The unit vector of a point given in degrees. */
    public static double[] unit(double lat, double lon) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        double cosPhi = Math.cos(phi);
        return new double[] { cosPhi * Math.cos(lambda), cosPhi * Math.sin(lambda), Math.sin(phi) };
    }

    /** The squared chord between unit vectors that lie {@code metres} apart on the sphere. */
    public static double chord2(double metres) {
        if (metres >= Math.PI * GeoPoint.EARTH_RADIUS) {
            return 4.0;
        }
        double chord = 2 * Math.sin(metres / (2 * GeoPoint.EARTH_RADIUS));
        return chord * chord;
    }

    /** The great-circle distance in metres for a squared chord. */
    public static double metres(double chord2) {
        return 2 * GeoPoint.EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
    }

    private void build(int lo, int hi) {
        if (hi - lo <= LEAF) {
            return;
        }
        int dim = widest(lo, hi);
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, dim);
        axis[mid] = (byte) dim;
        build(lo, mid);
        build(mid + 1, hi);
    }

    private int widest(int lo, int hi) {
        double[] min = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] max = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (int i = lo; i < hi; i++) {
            min[0] = Math.min(min[0], x[i]);
            max[0] = Math.max(max[0], x[i]);
            min[1] = Math.min(min[1], y[i]);
            max[1] = Math.max(max[1], y[i]);
            min[2] = Math.min(min[2], z[i]);
            max[2] = Math.max(max[2], z[i]);
        }
        double dx = max[0] - min[0];
        double dy = max[1] - min[1];
        double dz = max[2] - min[2];
        return dx >= dy && dx >= dz ? 0 : dy >= dz ? 1 : 2;
    }

    private double coord(int i, int dim) {
        return dim == 0 ? x[i] : dim == 1 ? y[i] : z[i];
    }

    /** Quickselect: puts the k-th smallest on the axis at k, smaller ones before, larger after. */
    private void select(int lo, int hi, int k, int dim) {
        while (hi > lo) {
            int pivotIndex = (lo + hi) >>> 1;
            double pivot = coord(pivotIndex, dim);
            swap(pivotIndex, hi);
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (coord(i, dim) < pivot) {
                    swap(i, store++);
                }
            }
            swap(store, hi);
            if (store == k) {
                return;
            }
            if (k < store) {
                hi = store - 1;
            } else {
                lo = store + 1;
            }
        }
    }

    private void swap(int a, int b) {
        if (a == b) {
            return;
        }
        Object item = items[a];
        items[a] = items[b];
        items[b] = item;
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        double t = x[a];
        x[a] = x[b];
        x[b] = t;
        t = y[a];
        y[a] = y[b];
        y[b] = t;
        t = z[a];
        z[a] = z[b];
        z[b] = t;
    }

    @SuppressWarnings("unchecked")
    private T item(int i) {
        return (T) items[i];
    }

    /** Offers every element that passes {@code filter} and may be among the nearest to the collector. */
    public void nearest(double[] q, Nearest<T> nearest, Predicate<? super T> filter) {
        nearest(0, items.length, q, nearest, filter);
    }

    private void nearest(int lo, int hi, double[] q, Nearest<T> nearest, Predicate<? super T> filter) {
        if (hi - lo <= LEAF) {
            for (int i = lo; i < hi; i++) {
                offer(i, q, nearest, filter);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int dim = axis[mid];
        double diff = q[dim] - coord(mid, dim);
        if (diff < 0) {
            nearest(lo, mid, q, nearest, filter);
            offer(mid, q, nearest, filter);
            if (diff * diff <= nearest.bound()) {
                nearest(mid + 1, hi, q, nearest, filter);
            }
        } else {
            nearest(mid + 1, hi, q, nearest, filter);
            offer(mid, q, nearest, filter);
            if (diff * diff <= nearest.bound()) {
                nearest(lo, mid, q, nearest, filter);
            }
        }
    }

    private void offer(int i, double[] q, Nearest<T> nearest, Predicate<? super T> filter) {
        double dx = x[i] - q[0];
        double dy = y[i] - q[1];
        double dz = z[i] - q[2];
        double d2 = dx * dx + dy * dy + dz * dz;
        if (d2 <= nearest.bound() && filter.test(item(i))) {
            nearest.offer(item(i), ids[i], d2);
        }
    }

    /** Whether any element that passes {@code filter} lies within the squared chord of {@code q}. */
    public boolean anyWithin(double[] q, double chord2, Predicate<? super T> filter) {
        return anyWithin(0, items.length, q, chord2, filter);
    }

    private boolean anyWithin(int lo, int hi, double[] q, double chord2, Predicate<? super T> filter) {
        if (hi - lo <= LEAF) {
            for (int i = lo; i < hi; i++) {
                if (within(i, q, chord2) && filter.test(item(i))) {
                    return true;
                }
            }
            return false;
        }
        int mid = (lo + hi) >>> 1;
        int dim = axis[mid];
        double diff = q[dim] - coord(mid, dim);
        if (within(mid, q, chord2) && filter.test(item(mid))) {
            return true;
        }
        boolean left = diff < 0 || diff * diff <= chord2;
        boolean right = diff >= 0 || diff * diff <= chord2;
        return (left && anyWithin(lo, mid, q, chord2, filter)) || (right && anyWithin(mid + 1, hi, q, chord2, filter));
    }

    /** Hands every element within the squared chord of {@code q} to {@code found}. */
    public void forEachWithin(double[] q, double chord2, Consumer<? super T> found) {
        forEachWithin(0, items.length, q, chord2, found);
    }

    private void forEachWithin(int lo, int hi, double[] q, double chord2, Consumer<? super T> found) {
        if (hi - lo <= LEAF) {
            for (int i = lo; i < hi; i++) {
                if (within(i, q, chord2)) {
                    found.accept(item(i));
                }
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int dim = axis[mid];
        double diff = q[dim] - coord(mid, dim);
        if (within(mid, q, chord2)) {
            found.accept(item(mid));
        }
        if (diff < 0 || diff * diff <= chord2) {
            forEachWithin(lo, mid, q, chord2, found);
        }
        if (diff >= 0 || diff * diff <= chord2) {
            forEachWithin(mid + 1, hi, q, chord2, found);
        }
    }

    private boolean within(int i, double[] q, double chord2) {
        double dx = x[i] - q[0];
        double dy = y[i] - q[1];
        double dz = z[i] - q[2];
        return dx * dx + dy * dy + dz * dz <= chord2;
    }

    /** Every element, in the tree's order. */
    public List<T> items() {
        List<T> all = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            all.add(item(i));
        }
        return all;
    }

    /**
     * The k nearest offered so far, ordered by distance and then id, so that equal distances always
     * resolve the same way. Its bound is the squared chord an element must not exceed to get in.
     */
    public static final class Nearest<T> {
        private final int k;
        private final Object[] items;
        private final long[] ids;
        private final double[] d2;
        private int size;
        private final double limit;

        public Nearest(int k, double maxChord2) {
            this.k = k;
            this.items = new Object[k];
            this.ids = new long[k];
            this.d2 = new double[k];
            this.limit = maxChord2;
        }

        double bound() {
            return size < k ? limit : d2[size - 1];
        }

        void offer(T item, long id, double distance2) {
            if (distance2 > limit) {
                return;
            }
            if (size == k && (distance2 > d2[k - 1] || (distance2 == d2[k - 1] && id >= ids[k - 1]))) {
                return;
            }
            int at = size < k ? size++ : k - 1;
            while (at > 0 && (d2[at - 1] > distance2 || (d2[at - 1] == distance2 && ids[at - 1] > id))) {
                items[at] = items[at - 1];
                ids[at] = ids[at - 1];
                d2[at] = d2[at - 1];
                at--;
            }
            items[at] = item;
            ids[at] = id;
            d2[at] = distance2;
        }

        @SuppressWarnings("unchecked")
        public List<Hit<T>> hits() {
            List<Hit<T>> hits = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                hits.add(new Hit<>((T) items[i], metres(d2[i])));
            }
            return hits;
        }
    }
}
