package org.district.plugins.courierstations.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The in-memory index the nearest-station search runs on: one {@link KdTree} over everything and
 * one per service code, so that a search for a service only walks places that offer it.
 *
 * <p>Readers take the current snapshot without locking. A write does not rebuild the trees: the
 * changed element goes to a small list of recent changes, searched by a scan next to the trees,
 * and its old version in the trees is marked stale. Once recent changes reach a thirty-second of
 * the index (at least 256), the trees are rebuilt with them folded in.
 */
public final class SpatialIndex<T extends Indexed> {

    private static final int MIN_REBUILD = 256;

    /** What readers see; {@code recentXyz} holds the unit vectors of {@code recent}, three per element. */
    private record Snapshot<T extends Indexed>(KdTree<T> all, Map<String, KdTree<T>> byService, List<T> recent, double[] recentXyz,
            Set<Long> stale, int size) {
    }

    /** Everything the index holds, by id; only writers change it, under the index's lock. */
    private final Map<Long, T> current = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Long> inTrees = new HashSet<>();
    private final Map<Long, T> recent = new HashMap<>();
    /** Ids whose version in the trees is out of date: changed since, or removed. */
    private final Set<Long> stale = new HashSet<>();
    private volatile Snapshot<T> snapshot;

    public SpatialIndex() {
        rebuild();
    }

    /** Replaces everything the index holds. */
    public synchronized void replaceAll(Collection<T> things) {
        current.clear();
        for (T thing : things) {
            current.put(thing.id(), thing);
        }
        rebuild();
    }

    /** Adds or replaces one element. */
    public synchronized void put(T thing) {
        current.put(thing.id(), thing);
        recent.put(thing.id(), thing);
        if (inTrees.contains(thing.id())) {
            stale.add(thing.id());
        }
        publish();
    }

    public synchronized void remove(long id) {
        if (current.remove(id) != null) {
            recent.remove(id);
            if (inTrees.contains(id)) {
                stale.add(id);
            }
            publish();
        }
    }

    /** One element by id, or null. */
    public T get(long id) {
        return current.get(id);
    }

    public int size() {
        return snapshot.size();
    }

    private void publish() {
        if (recent.size() + stale.size() >= Math.max(MIN_REBUILD, current.size() / 32)) {
            rebuild();
            return;
        }
        Snapshot<T> old = snapshot;
        List<T> changed = List.copyOf(recent.values());
        double[] xyz = new double[changed.size() * 3];
        for (int i = 0; i < changed.size(); i++) {
            double[] v = KdTree.unit(changed.get(i).lat(), changed.get(i).lon());
            System.arraycopy(v, 0, xyz, i * 3, 3);
        }
        snapshot = new Snapshot<>(old.all(), old.byService(), changed, xyz, Set.copyOf(stale), current.size());
    }

    private void rebuild() {
        List<T> all = new ArrayList<>(current.values());
        Map<String, List<T>> byService = new HashMap<>();
        for (T thing : all) {
            for (String service : thing.services()) {
                byService.computeIfAbsent(service, s -> new ArrayList<>()).add(thing);
            }
        }
        Map<String, KdTree<T>> trees = new HashMap<>();
        byService.forEach((service, things) -> trees.put(service, new KdTree<>(things)));
        recent.clear();
        stale.clear();
        inTrees.clear();
        inTrees.addAll(current.keySet());
        snapshot = new Snapshot<>(new KdTree<>(all), Map.copyOf(trees), List.of(), new double[0], Set.of(), all.size());
    }

    /**
     * The {@code k} nearest to a point that offer every one of {@code services} and pass
     * {@code filter}, no further than {@code maxMetres}; nearest first, equal distances by id.
     */
    public List<Hit<T>> nearest(double lat, double lon, int k, Set<String> services, Predicate<? super T> filter, double maxMetres) {
        Snapshot<T> now = snapshot;
        KdTree<T> tree = now.all();
        for (String service : services) {
            KdTree<T> serving = now.byService().get(service);
            if (serving == null) {
                tree = null;
                break;
            }
            if (serving.size() < tree.size()) {
                tree = serving;
            }
        }
        Set<Long> stale = now.stale();
        Predicate<T> wanted = t -> t.services().containsAll(services) && filter.test(t);
        double[] q = KdTree.unit(lat, lon);
        KdTree.Nearest<T> nearest = new KdTree.Nearest<>(k, KdTree.chord2(maxMetres));
        if (tree != null) {
            tree.nearest(q, nearest, stale.isEmpty() ? wanted : t -> !stale.contains(t.id()) && wanted.test(t));
        }
        List<T> recent = now.recent();
        double[] xyz = now.recentXyz();
        for (int i = 0; i < recent.size(); i++) {
            double dx = xyz[3 * i] - q[0];
            double dy = xyz[3 * i + 1] - q[1];
            double dz = xyz[3 * i + 2] - q[2];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 <= nearest.bound() && wanted.test(recent.get(i))) {
                nearest.offer(recent.get(i), recent.get(i).id(), d2);
            }
        }
        return nearest.hits();
    }

    /** Whether anything that passes {@code filter} lies within {@code metres} of the point. */
    public boolean anyWithin(double lat, double lon, double metres, Predicate<? super T> filter) {
        Snapshot<T> now = snapshot;
        double[] q = KdTree.unit(lat, lon);
        double chord2 = KdTree.chord2(metres);
        Set<Long> stale = now.stale();
        if (now.all().anyWithin(q, chord2, t -> !stale.contains(t.id()) && filter.test(t))) {
            return true;
        }
        List<T> recent = now.recent();
        double[] xyz = now.recentXyz();
        for (int i = 0; i < recent.size(); i++) {
            double dx = xyz[3 * i] - q[0];
            double dy = xyz[3 * i + 1] - q[1];
            double dz = xyz[3 * i + 2] - q[2];
            if (dx * dx + dy * dy + dz * dz <= chord2 && filter.test(recent.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Everything the index holds now, in no particular order. */
    public List<T> all() {
        Snapshot<T> now = snapshot;
        List<T> all = new ArrayList<>(now.size());
        for (T thing : now.all().items()) {
            if (!now.stale().contains(thing.id())) {
                all.add(thing);
            }
        }
        all.addAll(now.recent());
        return all;
    }
}
