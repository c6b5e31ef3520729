package org.district.platform.api.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.district.platform.api.rest.Problem;

/**
 * The places of the city a caller may work in, within the module serving the request.
 *
 * <p>A city admin grants a module role everywhere ({@code courier-stations.manager}) or limited to
 * nodes of the administrative tree ({@code courier-stations.manager@成都市/武侯区} or
 * {@code courier-stations.manager@成都市/武侯区/玉林街道}). A node is a path as the records name their
 * places, from the city down, its parts separated by {@code /}; it covers itself and every node below it. A caller's places in a module are
 * the union of the nodes of its grants of that module's roles: everywhere for an admin or for one
 * grant without a node, nowhere for a caller who holds none of the module's roles (anyone signed in
 * reading an open endpoint, or nobody signed in).
 *
 * <p>The platform hands them to a resource method as a parameter: {@code @Context Places places}.
 * Every place-bound record a limited caller writes must lie in its places, before and after the
 * change ({@link #require}); lists a limited caller reads show only the records in its places
 * ({@link #covers}, or {@link #nodes} to narrow a query).
 */
public final class Places {

    /** Separates the parts of a node's path: {@code 武侯区/玉林街道/玉林社区}. */
    public static final char SEPARATOR = '/';

    private static final Places EVERYWHERE = new Places(null);
    private static final Places NOWHERE = new Places(List.of());

    /** Null: everywhere. */
    private final List<List<String>> nodes;

    private Places(List<List<String>> nodes) {
        this.nodes = nodes;
    }

    /** No limit: an admin, or a role granted without a node. */
    public static Places everywhere() {
        return EVERYWHERE;
    }

    /** No place at all: the caller holds none of the module's roles. */
    public static Places nowhere() {
        return NOWHERE;
    }

    /**
     * Within the nodes given as paths from the district down ({@code 武侯区/玉林街道}); none gives
     * {@link #nowhere()}. A node below another one named too adds nothing.
     *
     * @throws IllegalArgumentException for a blank path or a blank part of one
     */
    public static Places within(Collection<String> paths) {
        List<List<String>> parsed = new ArrayList<>();
        for (String path : paths) {
            parsed.add(parse(path));
        }
        List<List<String>> kept = new ArrayList<>();
        for (List<String> node : parsed) {
            boolean below = parsed.stream().anyMatch(other -> other != node && other.size() < node.size() && startsWith(node, other));
            if (!below && !kept.contains(node)) {
                kept.add(node);
            }
        }
        return kept.isEmpty() ? NOWHERE : new Places(List.copyOf(kept));
    }

    /** The parts of a node's path, checked. */
    public static List<String> parse(String path) {
        Objects.requireNonNull(path, "path");
        List<String> parts = Arrays.stream(path.split(String.valueOf(SEPARATOR), -1)).map(String::strip).toList();
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("'" + path + "' is not a node: parts separated by '/', none blank, from the district down");
        }
        return parts;
    }

    /** True when the caller is limited to nothing. */
    public boolean isEverywhere() {
        return nodes == null;
    }

    /** True when the caller may work in no place at all. */
    public boolean isNowhere() {
        return nodes != null && nodes.isEmpty();
    }

    /** The nodes the caller is limited to, as paths; empty when everywhere or nowhere (ask which). */
    public List<String> nodes() {
        return nodes == null ? List.of() : nodes.stream().map(node -> String.join(String.valueOf(SEPARATOR), node)).toList();
    }

    /**
     * True when a record at this place, given from the district down ({@code "武侯区", "玉林街道",
     * "玉林社区"}), lies within the caller's places. A part may hold several levels separated by
     * {@code /}. Blank or null parts end the path: a record known only by its district is not within a
     * street.
     */
    public boolean covers(String... place) {
        if (nodes == null) {
            return true;
        }
        List<String> path = path(place);
        return nodes.stream().anyMatch(node -> startsWith(path, node));
    }

    /**
     * Refuses with a 403 problem naming the field and the caller's nodes when the place is not
     * within the caller's places.
     */
    public void require(String field, String... place) {
        if (!covers(place)) {
            List<String> path = path(place);
            String where = path.isEmpty() ? "a record with no place" : "'" + String.join(String.valueOf(SEPARATOR), path) + "'";
            throw new Problem(403, "Outside your places", field + ": " + where + " is outside the places you may work in: "
                    + (isNowhere() ? "none" : String.join(", ", nodes())) + ".",
                    List.of(new Problem.FieldError(field, "outside " + (isNowhere() ? "your places (you have none here)" : String.join(", ", nodes())))));
        }
    }

    /**
     * Refuses with a 403 problem a caller limited to places: for what belongs to the whole city
     * (its settings, a city-wide plan), described in {@code what}.
     */
    public void requireEverywhere(String what) {
        if (!isEverywhere()) {
            throw new Problem(403, "Outside your places", what + " belongs to the whole city; you may work only in "
                    + (isNowhere() ? "no place here" : String.join(", ", nodes())) + ".");
        }
    }

    /** The parts of a place from the district down; a part may hold several levels ({@code 成都市/武侯区}). */
    private static List<String> path(String... place) {
        List<String> path = new ArrayList<>();
        for (String part : place) {
            if (part == null || part.isBlank()) {
                break;
            }
            for (String level : part.split(String.valueOf(SEPARATOR))) {
                if (level.isBlank()) {
                    return path;
                }
                path.add(level.strip());
            }
        }
        return path;
    }

    private static boolean startsWith(List<String> path, List<String> node) {
        return path.size() >= node.size() && path.subList(0, node.size()).equals(node);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Places places && Objects.equals(nodes, places.nodes);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(nodes);
    }

    @Override
    public String toString() {
        return isEverywhere() ? "everywhere" : isNowhere() ? "nowhere" : String.join(", ", nodes());
    }
}
