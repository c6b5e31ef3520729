package org.district.cities;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A city's administrative tree from its places file: UTF-8 CSV (RFC 4180) with the header
 * {@value #HEADER}, one place a line. Every place must hang from a district through the levels in
 * order, and its Chinese name must be unique among its siblings and free of {@code /}: the names
 * joined by {@code /} are the paths operators are granted places by, so two places must never
 * share one. Fields are read without surrounding spaces.
 */
final class PlacesFile {

    static final String HEADER = "id,parent,level,name_zh,name_en";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** One line of the file, as written. */
    private record Row(int line, String id, String parent, String level, String nameZh, String nameEn) {
    }

    private final String file;
    private final Consumer<String> faults;
    private boolean faulty;

    private PlacesFile(String file, Consumer<String> faults) {
        this.file = file;
        this.faults = faults;
    }

    /**
     * The places, in the file's order except that a parent comes before its children; nothing
     * when the file has faults, which go to {@code faults}.
     */
    static List<Place> read(byte[] bytes, String file, Consumer<String> faults) {
        return new PlacesFile(file, faults).read(bytes);
    }

    private List<Place> read(byte[] bytes) {
        Optional<String> text = decode(bytes);
        if (text.isEmpty()) {
            return List.of();
        }
        List<Row> rows = rows(text.get());
        if (faulty) {
            return List.of();
        }
        if (rows.isEmpty()) {
            fault(file + " lists no places");
            return List.of();
        }
        Map<String, Row> byId = unique(rows);
        Map<String, PlaceLevel> levels = levels(byId);
        Set<String> inCycles = cycles(byId);
        for (Row row : byId.values()) {
            if (!row.parent().isEmpty() && !byId.containsKey(row.parent())) {
                fault("unknown parent '" + row.parent() + "' of place '" + row.id() + "'" + at(row));
            } else if (!inCycles.contains(row.id()) && levels.containsKey(row.id())) {
                checkLevel(row, levels.get(row.id()), byId, levels);
            }
        }
        checkSiblings(byId);
        if (faulty) {
            return List.of();
        }
        List<Place> places = new ArrayList<>();
        Map<String, Place> placed = new HashMap<>();
        for (Row row : byId.values()) {
            place(row, byId, levels, placed, places);
        }
        return List.copyOf(places);
    }

    private Optional<String> decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            // Spreadsheet programs write UTF-8 with a byte order mark: it is no part of the header.
            return Optional.of(!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            fault(file + " is not UTF-8 text");
            return Optional.empty();
        }
    }

    private List<Row> rows(String text) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get())) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            fault(file + " is not valid CSV: " + e.getMessage());
            return List.of();
        }
        if (records.isEmpty() || !records.get(0).toList().stream().map(String::strip).toList().equals(COLUMNS)) {
            fault(file + " must start with the header '" + HEADER + "', not '"
                    + (records.isEmpty() ? "" : String.join(",", records.get(0).toList())) + "'");
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = line(text, record.getCharacterPosition());
            if (record.size() != COLUMNS.size()) {
                fault(file + " line " + line + " has " + record.size() + " fields, not " + COLUMNS.size() + " (" + HEADER + ")");
                continue;
            }
            rows.add(new Row(line, record.get(0).strip(), record.get(1).strip(), record.get(2).strip(),
                    record.get(3).strip(), record.get(4).strip()));
        }
        return rows;
    }

    /** The line a record starts on: counted in the text, since a quoted field may span lines. */
    private static int line(String text, long position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The rows by id, in the file's order; blank and repeated ids are faults, and the repeats are left out. */
    private Map<String, Row> unique(List<Row> rows) {
        Map<String, Row> byId = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.id().isEmpty()) {
                fault("the place on " + file + " line " + row.line() + " has no id");
            } else if (byId.containsKey(row.id())) {
                fault("place '" + row.id() + "' is listed twice (" + file + " lines " + byId.get(row.id()).line() + " and " + row.line() + ")");
            } else {
                byId.put(row.id(), row);
            }
        }
        return byId;
    }

    /** The levels of the places whose level is known; their names are checked on the way. */
    private Map<String, PlaceLevel> levels(Map<String, Row> byId) {
        Map<String, PlaceLevel> levels = new HashMap<>();
        for (Row row : byId.values()) {
            Optional<PlaceLevel> level = PlaceLevel.of(row.level());
            if (level.isEmpty()) {
                fault("place '" + row.id() + "' has the level '" + row.level() + "', not one of " + PlaceLevel.labels() + at(row));
            } else {
                levels.put(row.id(), level.get());
            }
            if (row.nameZh().isEmpty()) {
                fault("place '" + row.id() + "' has a blank name_zh" + at(row));
            } else if (row.nameZh().contains("/")) {
                fault("place '" + row.id() + "' has the name_zh '" + row.nameZh() + "', which contains '/', the separator of place paths" + at(row));
            }
        }
        return levels;
    }

    /** Reports each cycle of parents once, from its member first in the file; returns the places on cycles. */
    private Set<String> cycles(Map<String, Row> byId) {
        Set<String> done = new HashSet<>();
        Set<String> onCycles = new HashSet<>();
        for (String start : byId.keySet()) {
            List<String> trail = new ArrayList<>();
            String current = start;
            while (current != null && byId.containsKey(current) && !done.contains(current) && !trail.contains(current)) {
                trail.add(current);
                String parent = byId.get(current).parent();
                current = parent.isEmpty() ? null : parent;
            }
            if (current != null && trail.contains(current)) {
                List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(current), trail.size()));
                String first = cycle.stream().min((a, b) -> Integer.compare(byId.get(a).line(), byId.get(b).line())).orElseThrow();
                Collections.rotate(cycle, -cycle.indexOf(first));
                cycle.add(first);
                fault("places form a cycle: " + String.join(" → ", cycle));
                onCycles.addAll(cycle);
            }
            done.addAll(trail);
        }
        return onCycles;
    }

    private void checkLevel(Row row, PlaceLevel level, Map<String, Row> byId, Map<String, PlaceLevel> levels) {
        Optional<PlaceLevel> expected = level.parent();
        if (expected.isEmpty() && !row.parent().isEmpty()) {
            fault("place '" + row.id() + "' is a district, so it cannot have a parent, but names '" + row.parent() + "'" + at(row));
        } else if (expected.isPresent() && row.parent().isEmpty()) {
            fault("place '" + row.id() + "' is a " + level.label() + ", so it needs a parent " + expected.get().label() + at(row));
        } else if (expected.isPresent() && levels.containsKey(row.parent()) && levels.get(row.parent()) != expected.get()) {
            fault("place '" + row.id() + "' is a " + level.label() + ", so its parent must be a " + expected.get().label()
                    + ", but '" + row.parent() + "' is a " + levels.get(row.parent()).label() + at(row));
        }
    }

    private void checkSiblings(Map<String, Row> byId) {
        Map<String, Row> seen = new HashMap<>();
        for (Row row : byId.values()) {
            if (row.nameZh().isEmpty()) {
                continue;
            }
            Row other = seen.putIfAbsent(row.parent() + "\n" + row.nameZh(), row);
            if (other != null) {
                fault("places '" + other.id() + "' and '" + row.id() + "' "
                        + (row.parent().isEmpty() ? "at the top" : "under '" + row.parent() + "'")
                        + " share the name_zh '" + row.nameZh() + "' (" + file + " lines " + other.line() + " and " + row.line() + ")");
            }
        }
    }

    /** Adds the place after its ancestors, each once. */
    private static Place place(Row row, Map<String, Row> byId, Map<String, PlaceLevel> levels, Map<String, Place> placed, List<Place> places) {
        Place done = placed.get(row.id());
        if (done != null) {
            return done;
        }
        Place parent = row.parent().isEmpty() ? null : place(byId.get(row.parent()), byId, levels, placed, places);
        Place place = new Place(row.id(), parent == null ? null : parent.id(), levels.get(row.id()), row.nameZh(), row.nameEn(),
                parent == null ? row.nameZh() : parent.path() + "/" + row.nameZh());
        placed.put(row.id(), place);
        places.add(place);
        return place;
    }

    private String at(Row row) {
        return " (" + file + " line " + row.line() + ")";
    }

    private void fault(String text) {
        faulty = true;
        faults.accept(text);
    }
}
