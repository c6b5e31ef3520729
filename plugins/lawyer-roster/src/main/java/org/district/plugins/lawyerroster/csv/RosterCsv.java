package org.district.plugins.lawyerroster.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

/**
 * Reads the bar association's roster spreadsheet, exported as CSV, into rows ready to import and
 * the problems a coordinator has to fix first. Bad content never throws: every fault becomes a
 * {@link RowProblem}, and a row with any fault is left out of {@link Parsed#rows()}.
 */
public final class RosterCsv {

    /** Chinese Excel saves "CSV" in the system code page, which on mainland Windows is GBK, a subset of GB18030. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private static final int NAME_MAX = 50;
    private static final int FIRM_MAX = 100;
    private static final int LICENCE_DIGITS = 17;

    // Full-width comma too: people typing Chinese get it from the same key as ','.
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；、,，]");
    private static final Pattern WINDOW_SEPARATOR = Pattern.compile("[;；]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    // What Excel shows a long digit string as once it has taken it for a number: 1.23457E+16.
    private static final Pattern EXCEL_NUMBER = Pattern.compile("\\d+(\\.\\d+)?[eE]\\+?\\d+");

    private static final Map<String, Boolean> ACTIVE_WORDS = Map.of(
            "true", true, "yes", true, "是", true, "1", true,
            "false", false, "no", false, "否", false, "0", false);

    // Blank lines must reach us as records: a spreadsheet shows them as rows, and the row numbers we
    // report have to match what the coordinator sees.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private RosterCsv() {
    }

    /**
     * What came out of one file.
     *
     * @param charset  the charset the file was decoded with; when detection failed, GB18030, the last one tried
     * @param rows     the valid rows, in file order
     * @param problems every fault found, in file order
     */
    public record Parsed(Charset charset, List<RosterRow> rows, List<RowProblem> problems) {

        public Parsed {
            Objects.requireNonNull(charset, "charset");
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    /** The columns of the roster template, each known by an English and a Chinese header. */
    private enum Column {
        LICENCE_NO("执业证号", true),
        NAME("姓名", true),
        FIRM("律所", true),
        SPECIALTIES("专业领域", true),
        LANGUAGES("语言", false),
        PHONE("电话", false),
        AVAILABILITY("值班时间", false),
        ACTIVE("在职", false);

        final String chinese;
        final boolean required;

        Column(String chinese, boolean required) {
            this.chinese = chinese;
            this.required = required;
        }

        String canonical() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Column> byHeader(String header) {
            String wanted = header.toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (column.canonical().equals(wanted) || column.chinese.equals(wanted)) {
                    return Optional.of(column);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Reads a roster file.
     *
     * @param content the file as uploaded
     * @param charset the encoding the coordinator named, or null to detect UTF-8 (with or without
     *                BOM) and otherwise take GB18030
     * @throws NullPointerException if content is null
     */
    public static Parsed read(byte[] content, Charset charset) {
        Objects.requireNonNull(content, "content");
        Charset used = charset != null ? charset : detect(content);
        String text;
        try {
            text = decodeStrictly(content, used);
        } catch (CharacterCodingException e) {
            return new Parsed(used, List.of(), List.of(new RowProblem(0, null, notValidIn(used, charset == null, content))));
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Reading().read(text, used);
    }

    private static Charset detect(byte[] content) {
        boolean utf8Bom = content.length >= 3
                && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF;
        if (utf8Bom) {
            return StandardCharsets.UTF_8;
        }
        try {
            decodeStrictly(content, StandardCharsets.UTF_8);
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            // Multi-byte GB18030 text is almost never valid UTF-8, so failing here is the signal.
            return GB18030;
        }
    }

    private static String decodeStrictly(byte[] content, Charset charset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
    }

    private static String notValidIn(Charset charset, boolean detected, byte[] content) {
        String where = firstBadLine(content, charset).map(line -> " (first bad bytes near line " + line + ")").orElse("");
        if (detected) {
            return "the file is neither UTF-8 nor GB18030" + where + "; export it again as CSV UTF-8";
        }
        String advice = charset.equals(StandardCharsets.UTF_8)
                ? "export it as UTF-8 or say encoding=GB18030"
                : "export it as UTF-8 or leave the encoding out to have it detected";
        return "the file is not valid " + charset.name() + where + "; " + advice;
    }

    /** The text line of the first undecodable byte, when the charset writes a line break as a plain LF byte. */
    private static Optional<Integer> firstBadLine(byte[] content, Charset charset) {
        if (!Arrays.equals("\n".getBytes(charset), new byte[] {'\n'})) {
            return Optional.empty();
        }
        ByteBuffer input = ByteBuffer.wrap(content);
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(input);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < input.position(); i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            return Optional.of(line);
        }
    }

    /** The state of reading one decoded file. */
    private static final class Reading {

        private final List<RosterRow> rows = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        // First line of each well-formed licence number, whether or not the rest of that row was valid:
        // fixing that row later must not turn a silently accepted second row into a duplicate.
        private final Map<String, Integer> licenceLines = new HashMap<>();
        private Map<Column, Integer> columnIndex;
        private long lastRecord;

        Parsed read(String text, Charset charset) {
            try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
                Iterator<CSVRecord> records = parser.iterator();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    lastRecord = record.getRecordNumber();
                    if (isBlank(record)) {
                        continue;
                    }
                    if (columnIndex == null) {
                        if (!readHeader(record)) {
                            return new Parsed(charset, List.of(), problems);
                        }
                    } else {
                        readRow(record);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // Commons CSV stops at the first malformed quote; what follows cannot be split into
                // cells reliably, so we say where it broke and keep what was read before. Its own
                // message is left out: it counts text lines, not the spreadsheet rows we report.
                problems.add(new RowProblem(lineNumber(lastRecord + 1), null,
                        "the CSV breaks in this row: a quote \" is not closed, or a quoted cell has more text after its"
                                + " closing quote; nothing from this row on was read"));
            }
            if (columnIndex == null && problems.isEmpty()) {
                problems.add(new RowProblem(0, null, "the file is empty; it needs a header row and one row per lawyer"));
            }
            return new Parsed(charset, rows, problems);
        }

        private static int lineNumber(long recordNumber) {
            return (int) Math.min(recordNumber, Integer.MAX_VALUE);
        }

        private static boolean isBlank(CSVRecord record) {
            // Excel writes rows it once saw formatted but now empty as ",,,,", so those count as blank too.
            for (String value : record) {
                if (!trim(value).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        private boolean readHeader(CSVRecord header) {
            int line = lineNumber(header.getRecordNumber());
            Map<Column, Integer> found = new EnumMap<>(Column.class);
            for (int i = 0; i < header.size(); i++) {
                int index = i;
                Column.byHeader(trim(header.get(i))).ifPresent(column -> {
                    Integer earlier = found.putIfAbsent(column, index);
                    if (earlier != null) {
                        problems.add(new RowProblem(line, column.canonical(), "column " + column.canonical() + " (" + column.chinese
                                + ") appears twice, in columns " + spreadsheetColumn(earlier) + " and " + spreadsheetColumn(index)
                                + "; keep one"));
                    }
                });
            }
            for (Column column : Column.values()) {
                if (column.required && !found.containsKey(column)) {
                    problems.add(new RowProblem(line, column.canonical(), "missing column " + column.canonical() + " (" + column.chinese + ")"));
                }
            }
            columnIndex = found;
            return problems.isEmpty();
        }

        private void readRow(CSVRecord record) {
            RowCheck check = new RowCheck(lineNumber(record.getRecordNumber()), record);
            String licenceNo = check.licenceNo();
            String name = check.text(Column.NAME, NAME_MAX);
            String firm = check.text(Column.FIRM, FIRM_MAX);
            Set<Specialty> specialties = check.specialties();
            List<String> languages = check.languages();
            String phone = check.phone();
            List<WeeklyWindow> availability = check.availability();
            boolean active = check.active();
            if (check.faults.isEmpty()) {
                rows.add(new RosterRow(check.line, licenceNo, name, firm, specialties, languages, phone, availability, active));
            } else {
                problems.addAll(check.faults);
            }
        }

        /** The checks of one data row, collecting every fault rather than stopping at the first. */
        private final class RowCheck {

            final int line;
            final CSVRecord record;
            final List<RowProblem> faults = new ArrayList<>();

            RowCheck(int line, CSVRecord record) {
                this.line = line;
                this.record = record;
            }

            /** The trimmed cell, empty when the column is absent or the row is shorter than the header. */
            String cell(Column column) {
                Integer index = columnIndex.get(column);
                return index == null || index >= record.size() ? "" : trim(record.get(index));
            }

            void fault(Column column, String reason) {
                faults.add(new RowProblem(line, column.canonical(), reason));
            }

            boolean presentIfRequired(Column column, String value) {
                if (value.isEmpty()) {
                    fault(column, column.canonical() + " (" + column.chinese + ") is required but the cell is empty");
                    return false;
                }
                return true;
            }

            String licenceNo() {
                String value = cell(Column.LICENCE_NO);
                if (!presentIfRequired(Column.LICENCE_NO, value)) {
                    return null;
                }
                String reason = licenceFault(value);
                if (reason != null) {
                    fault(Column.LICENCE_NO, reason);
                    return null;
                }
                Integer earlier = licenceLines.putIfAbsent(value, line);
                if (earlier != null) {
                    fault(Column.LICENCE_NO, "licence number also on line " + earlier);
                    return null;
                }
                return value;
            }

            private String licenceFault(String value) {
                if (EXCEL_NUMBER.matcher(value).matches()) {
                    return "licence number '" + value + "' was turned into a number by the spreadsheet and lost digits;"
                            + " format the column as text, type the numbers again and export again";
                }
                if (value.codePoints().anyMatch(RosterCsv::isBlankChar)) {
                    return "licence number '" + value + "' has blanks inside; write the " + LICENCE_DIGITS + " digits without spaces";
                }
                if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return "licence number '" + value + "' may contain only the digits 0-9";
                }
                if (value.length() != LICENCE_DIGITS) {
                    return "licence number '" + value + "' has " + value.length() + " digits; it must have exactly " + LICENCE_DIGITS;
                }
                return null;
            }

            String text(Column column, int max) {
                String value = cell(column);
                if (!presentIfRequired(column, value)) {
                    return null;
                }
                // Counted in code points so that a rare character outside the BMP in a name counts once.
                int length = value.codePointCount(0, value.length());
                if (length > max) {
                    fault(column, column.canonical() + " is " + length + " characters long; at most " + max + " are allowed");
                    return null;
                }
                return value;
            }

            Set<Specialty> specialties() {
                List<String> names = split(cell(Column.SPECIALTIES), LIST_SEPARATOR);
                if (names.isEmpty()) {
                    presentIfRequired(Column.SPECIALTIES, "");
                    return null;
                }
                Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
                boolean allKnown = true;
                for (String name : names) {
                    Optional<Specialty> specialty = Specialty.parse(name);
                    if (specialty.isPresent()) {
                        specialties.add(specialty.get());
                    } else {
                        allKnown = false;
                        fault(Column.SPECIALTIES, "unknown specialty '" + name + "'; use one of " + acceptedSpecialties());
                    }
                }
                return allKnown ? specialties : null;
            }

            List<String> languages() {
                return List.copyOf(new LinkedHashSet<>(split(cell(Column.LANGUAGES), LIST_SEPARATOR)));
            }

            String phone() {
                String value = cell(Column.PHONE);
                if (value.isEmpty()) {
                    return null;
                }
                if (!MOBILE.matcher(value).matches() && !LANDLINE.matcher(value).matches()) {
                    fault(Column.PHONE, "phone '" + value + "' is neither a mainland mobile number (11 digits starting 13-19)"
                            + " nor a landline with its area code like 028-12345678");
                    return null;
                }
                return value;
            }

            List<WeeklyWindow> availability() {
                List<String> texts = split(cell(Column.AVAILABILITY), WINDOW_SEPARATOR);
                List<WeeklyWindow> windows = new ArrayList<>();
                List<String> windowTexts = new ArrayList<>();
                boolean allRead = true;
                for (String text : texts) {
                    try {
                        windows.add(WeeklyWindow.parse(text));
                        windowTexts.add(text);
                    } catch (IllegalArgumentException | DateTimeException e) {
                        allRead = false;
                        fault(Column.AVAILABILITY, "cannot read window '" + text + "': " + e.getMessage()
                                + " (separate windows with ';')");
                    }
                }
                boolean overlapping = false;
                for (int i = 0; i < windows.size(); i++) {
                    for (int j = i + 1; j < windows.size(); j++) {
                        if (windows.get(i).overlaps(windows.get(j))) {
                            overlapping = true;
                            fault(Column.AVAILABILITY, "windows '" + windowTexts.get(i) + "' and '" + windowTexts.get(j)
                                    + "' overlap; merge them into one window");
                        }
                    }
                }
                return allRead && !overlapping ? windows : null;
            }

            boolean active() {
                String value = cell(Column.ACTIVE);
                if (value.isEmpty()) {
                    return true;
                }
                Boolean active = ACTIVE_WORDS.get(value.toLowerCase(Locale.ROOT));
                if (active == null) {
                    fault(Column.ACTIVE, "active '" + value + "' is not one of true/false, yes/no, 是/否, 1/0");
                    return true;
                }
                return active;
            }
        }
    }

    private static String acceptedSpecialties() {
        return Arrays.stream(Specialty.values())
                .map(specialty -> specialty.code() + " (" + specialty.chinese() + ")")
                .collect(Collectors.joining(", "));
    }

    private static List<String> split(String value, Pattern separator) {
        List<String> parts = new ArrayList<>();
        for (String part : separator.split(value)) {
            String trimmed = trim(part);
            if (!trimmed.isEmpty()) {
                parts.add(trimmed);
            }
        }
        return parts;
    }

    // String.strip() keeps the no-break space that spreadsheets paste in from web pages; this does not.
    private static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isBlankChar(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isBlankChar(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    private static String spreadsheetColumn(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
