package org.district.plugins.courierstations.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A station's opening hours over the week: periods that never overlap, each within one day. Written
 * as lines such as {@code "Mon-Fri 08:00-20:00"}, {@code "Sat,Sun 10:00-18:00"},
 * {@code "Daily 00:00-24:00"}, {@code "周一至周五 08:00-20:00"}, or {@code "24h"} for around the clock.
 */
public final class WeeklyHours {

    private static final Pattern LINE = Pattern.compile("\\s*(.+?)\\s+(\\d{1,2}:\\d{2})\\s*[-–~～至]\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final Set<String> AROUND_THE_CLOCK = Set.of("24h", "24/7", "24小时", "全天");
    private static final Set<String> EVERY_DAY = Set.of("daily", "every day", "mon-sun", "每天", "每日", "周一至周日");
    private static final Map<String, DayOfWeek> CHINESE_DAYS = Map.of(
            "周一", DayOfWeek.MONDAY, "周二", DayOfWeek.TUESDAY, "周三", DayOfWeek.WEDNESDAY, "周四", DayOfWeek.THURSDAY,
            "周五", DayOfWeek.FRIDAY, "周六", DayOfWeek.SATURDAY, "周日", DayOfWeek.SUNDAY, "周天", DayOfWeek.SUNDAY);

    /** Per weekday (Monday first), the periods as sorted {start, end} minute pairs. */
    private final int[][] byDay;
    private final List<OpeningPeriod> periods;
    /** The lines, made once: every search answer shows them. */
    private final List<String> lines;

    private WeeklyHours(List<OpeningPeriod> periods) {
        List<OpeningPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(null);
        this.periods = List.copyOf(sorted);
        this.byDay = new int[7][];
        for (DayOfWeek day : DayOfWeek.values()) {
            int[] spans = sorted.stream().filter(p -> p.day() == day).flatMapToInt(p -> java.util.stream.IntStream.of(p.start(), p.end())).toArray();
            byDay[day.ordinal()] = spans;
        }
        this.lines = compact();
    }

    /** Hours from periods that must not overlap. */
    public static WeeklyHours of(Collection<OpeningPeriod> periods) {
        List<OpeningPeriod> list = List.copyOf(periods);
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                if (list.get(i).overlaps(list.get(j))) {
                    throw new IllegalArgumentException(list.get(j) + " overlaps " + list.get(i));
                }
            }
        }
        return new WeeklyHours(list);
    }

    public static WeeklyHours aroundTheClock() {
        return new WeeklyHours(Arrays.stream(DayOfWeek.values()).map(d -> new OpeningPeriod(d, 0, OpeningPeriod.END_OF_DAY)).toList());
    }

    /** One fault in a list of lines: which line and why. */
    public record LineProblem(int index, String message) {
    }

    /** The lines read, or the faults of each line that is wrong (an unreadable line, an overlap). */
    public record Parsed(WeeklyHours hours, List<LineProblem> problems) {
    }

    public static Parsed parse(List<String> lines) {
        List<LineProblem> problems = new ArrayList<>();
        List<OpeningPeriod> accepted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<OpeningPeriod> periods;
            try {
                periods = parseLine(lines.get(i));
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(i, e.getMessage()));
                continue;
            }
            boolean clash = false;
            for (OpeningPeriod period : periods) {
                for (OpeningPeriod earlier : accepted) {
                    if (period.overlaps(earlier)) {
                        problems.add(new LineProblem(i, period + " overlaps " + earlier));
                        clash = true;
                        break;
                    }
                }
                if (clash) {
                    break;
                }
            }
            if (!clash) {
                accepted.addAll(periods);
            }
        }
        return new Parsed(problems.isEmpty() ? new WeeklyHours(accepted) : null, problems);
    }

    /** One line: days and a span, or {@code 24h}. */
    static List<OpeningPeriod> parseLine(String line) {
        String text = line == null ? "" : line.strip();
        if (AROUND_THE_CLOCK.contains(text.toLowerCase(Locale.ROOT))) {
            return aroundTheClock().periods;
        }
        Matcher matcher = LINE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + line + "' is not opening hours like 'Mon-Fri 08:00-20:00' or '24h'");
        }
        Set<DayOfWeek> days = days(matcher.group(1));
        int start = minutes(matcher.group(2), false);
        int end = minutes(matcher.group(3), true);
        List<OpeningPeriod> periods = new ArrayList<>();
        for (DayOfWeek day : days) {
            periods.add(new OpeningPeriod(day, start, end));
        }
        return periods;
    }

    private static Set<DayOfWeek> days(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (EVERY_DAY.contains(lower)) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : lower.split("[,，、]")) {
            String[] range = part.strip().split("\\s*[-–至~]\\s*");
            if (range.length == 1) {
                days.add(day(range[0]));
            } else if (range.length == 2) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a day or a range of days");
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        String wanted = text.strip();
        DayOfWeek chinese = CHINESE_DAYS.get(wanted);
        if (chinese != null) {
            return chinese;
        }
        String upper = wanted.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!upper.isEmpty() && (day.name().equals(upper) || day.name().substring(0, 3).equals(upper))) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + wanted + "' is not a day of the week");
    }

    private static int minutes(String text, boolean isEnd) {
        if (text.equals("24:00")) {
            if (!isEnd) {
                throw new IllegalArgumentException("a period cannot start at 24:00");
            }
            return OpeningPeriod.END_OF_DAY;
        }
        try {
            LocalTime time = LocalTime.parse(text.length() == 4 ? "0" + text : text);
            return time.getHour() * 60 + time.getMinute();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day");
        }
    }

    public List<OpeningPeriod> periods() {
        return periods;
    }

    public boolean isEmpty() {
        return periods.isEmpty();
    }

    /** Open every minute of the week. */
    public boolean isAroundTheClock() {
        for (int[] spans : byDay) {
            if (spans.length != 2 || spans[0] != 0 || spans[1] != OpeningPeriod.END_OF_DAY) {
                return false;
            }
        }
        return true;
    }

    /** Whether the hours cover this local time, closures aside. */
    public boolean covers(LocalDateTime time) {
        return covers(time.getDayOfWeek(), time.getHour() * 60 + time.getMinute());
    }

    public boolean covers(DayOfWeek day, int minuteOfDay) {
        int[] spans = byDay[day.ordinal()];
        for (int i = 0; i < spans.length; i += 2) {
            if (minuteOfDay < spans[i]) {
                return false;
            }
            if (minuteOfDay < spans[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * When a station open at {@code time} next closes, following periods that join across
     * midnight and stopping at a closed date; empty when it stays open for the whole next week.
     */
    public Optional<LocalDateTime> openUntil(LocalDateTime time, Predicate<LocalDate> closedOn) {
        LocalDate date = time.toLocalDate();
        int minute = time.getHour() * 60 + time.getMinute();
        if (closedOn.test(date) || !covers(date.getDayOfWeek(), minute)) {
            return Optional.of(time);
        }
        for (int day = 0; day < 8; day++) {
            int[] spans = byDay[date.getDayOfWeek().ordinal()];
            int end = -1;
            for (int i = 0; i < spans.length; i += 2) {
                if (spans[i] <= minute && minute < spans[i + 1]) {
                    end = spans[i + 1];
                }
            }
            if (end < OpeningPeriod.END_OF_DAY) {
                return Optional.of(date.atStartOfDay().plusMinutes(end));
            }
            date = date.plusDays(1);
            minute = 0;
            if (closedOn.test(date) || !covers(date.getDayOfWeek(), 0)) {
                return Optional.of(date.atStartOfDay());
            }
        }
        return Optional.empty();
    }

    /**
     * The lines that say these hours, shortest first: days with the same spans share a line
     * ({@code Mon-Fri 08:00-20:00}, {@code Sat,Sun 10:00-18:00}, {@code Daily 00:00-02:00}), and
     * {@code 24h} for around the clock. {@link #parse} reads them back to the same hours.
     */
    public List<String> lines() {
        return lines;
    }

    private List<String> compact() {
        if (isAroundTheClock()) {
            return List.of("24h");
        }
        List<String> compact = new ArrayList<>();
        boolean[] done = new boolean[7];
        for (int d = 0; d < 7; d++) {
            if (done[d] || byDay[d].length == 0) {
                continue;
            }
            List<DayOfWeek> same = new ArrayList<>();
            for (int e = d; e < 7; e++) {
                if (!done[e] && Arrays.equals(byDay[d], byDay[e])) {
                    done[e] = true;
                    same.add(DayOfWeek.of(e + 1));
                }
            }
            String days = days(same);
            for (int i = 0; i < byDay[d].length; i += 2) {
                compact.add(days + " " + OpeningPeriod.clock(byDay[d][i]) + "-" + OpeningPeriod.clock(byDay[d][i + 1]));
            }
        }
        return List.copyOf(compact);
    }

    /** {@code Daily}, or runs of consecutive days: {@code Mon-Fri}, {@code Sat,Sun}, {@code Mon-Wed,Fri}. */
    private static String days(List<DayOfWeek> days) {
        if (days.size() == 7) {
            return "Daily";
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
                j++;
            }
            String from = short3(days.get(i));
            if (j - i >= 2) {
                parts.add(from + "-" + short3(days.get(j)));
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(short3(days.get(k)));
                }
            }
            i = j + 1;
        }
        return String.join(",", parts);
    }

    private static String short3(DayOfWeek day) {
        return day.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyHours hours && hours.periods.equals(periods);
    }

    @Override
    public int hashCode() {
        return periods.hashCode();
    }

    @Override
    public String toString() {
        return String.join("; ", lines());
    }
}
