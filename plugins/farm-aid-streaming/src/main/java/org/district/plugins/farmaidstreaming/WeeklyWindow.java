package org.district.plugins.farmaidstreaming;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly span of time in the city's local time, from {@code start} to {@code end} minutes of the
 * day (1440 is the end of the day). A streamer's availability is a list of them, written as lines
 * such as {@code "Sat 19:00-22:00"}, {@code "Mon-Fri 20:00-22:30"}, {@code "Sat,Sun 09:00-11:00"},
 * {@code "Daily 20:00-24:00"}, {@code "周六 19:00-22:00"} or {@code "周一至周五 20:00-22:00"}.
 */
public record WeeklyWindow(DayOfWeek day, int start, int end) {

    public static final int END_OF_DAY = 24 * 60;

    private static final Pattern LINE = Pattern.compile("(.+?)\\s*(\\d{1,2}):(\\d{2})\\s*[-–~至]\\s*(\\d{1,2}):(\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = new LinkedHashMap<>();
    private static final String[] CHINESE = { "一", "二", "三", "四", "五", "六", "日" };

    static {
        for (DayOfWeek day : DayOfWeek.values()) {
            DAYS.put(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), day);
            DAYS.put(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), day);
            DAYS.put("周" + CHINESE[day.ordinal()], day);
            DAYS.put("星期" + CHINESE[day.ordinal()], day);
        }
        DAYS.put("周天", DayOfWeek.SUNDAY);
        DAYS.put("星期天", DayOfWeek.SUNDAY);
    }

    public WeeklyWindow {
        if (start < 0 || end > END_OF_DAY || end <= start) {
            throw new IllegalArgumentException("a span must end after it starts, within the day");
        }
    }

    /** The windows one line gives, one per day it names; a line that does not read is an IllegalArgumentException saying why. */
    public static List<WeeklyWindow> parse(String line) {
        Matcher m = LINE.matcher(line == null ? "" : line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + line + "' is not days and a span such as 'Sat 19:00-22:00' or '周一至周五 20:00-22:00'");
        }
        int start = minutes(m.group(2), m.group(3), line);
        int end = minutes(m.group(4), m.group(5), line);
        if (end <= start) {
            throw new IllegalArgumentException("'" + line + "' ends before it starts; a span past midnight is two lines, 'Sat 22:00-24:00' and 'Sun 00:00-01:00'");
        }
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day : days(m.group(1).strip(), line)) {
            windows.add(new WeeklyWindow(day, start, end));
        }
        return windows;
    }

    private static int minutes(String hours, String minutes, String line) {
        int h = Integer.parseInt(hours);
        int min = Integer.parseInt(minutes);
        if (h > 24 || min > 59 || (h == 24 && min > 0)) {
            throw new IllegalArgumentException("'" + line + "' has a time that is not one (00:00 to 24:00)");
        }
        return h * 60 + min;
    }

    private static Set<DayOfWeek> days(String text, String line) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("daily") || lower.equals("每天") || lower.equals("每日")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : lower.split("[,，、]")) {
            String[] range = part.strip().split("\\s*(?:-|–|至|到)\\s*");
            if (range.length == 1) {
                days.add(dayNamed(range[0], line));
            } else if (range.length == 2) {
                DayOfWeek first = dayNamed(range[0], line);
                DayOfWeek last = dayNamed(range[1], line);
                for (DayOfWeek d = first; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == last) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("'" + line + "' names its days in a way that does not read");
            }
        }
        return days;
    }

    private static DayOfWeek dayNamed(String text, String line) {
        DayOfWeek day = DAYS.get(text.strip());
        if (day == null) {
            throw new IllegalArgumentException("'" + line + "': '" + text.strip() + "' is not a day such as Mon or 周一");
        }
        return day;
    }

    public LocalTime startTime() {
        return LocalTime.of(start / 60, start % 60);
    }

    public boolean overlaps(WeeklyWindow other) {
        return day == other.day && start < other.end && other.start < end;
    }

    /**
     * Whether the windows together cover the whole time from {@code from} to {@code to}; a time
     * past midnight is covered by a window ending at 24:00 and one starting at 00:00 the next day.
     */
    public static boolean cover(Collection<WeeklyWindow> windows, LocalDateTime from, LocalDateTime to) {
        LocalDateTime cursor = from;
        while (cursor.isBefore(to)) {
            DayOfWeek day = cursor.getDayOfWeek();
            int minute = cursor.getHour() * 60 + cursor.getMinute();
            WeeklyWindow covering = null;
            for (WeeklyWindow w : windows) {
                if (w.day == day && w.start <= minute && minute < w.end && (covering == null || w.end > covering.end)) {
                    covering = w;
                }
            }
            if (covering == null) {
                return false;
            }
            LocalDateTime windowEnd = cursor.toLocalDate().atStartOfDay().plusMinutes(covering.end);
            if (!windowEnd.isAfter(cursor)) {
                return false;
            }
            cursor = windowEnd;
        }
        return true;
    }

    /** The windows as lines, days that share a span grouped: {@code Mon-Fri 20:00-22:00}, {@code Sat,Sun 09:00-11:00}, {@code Daily 20:00-24:00}. */
    public static List<String> format(Collection<WeeklyWindow> windows) {
        Map<List<Integer>, TreeSet<DayOfWeek>> bySpan = new LinkedHashMap<>();
        windows.stream().sorted(Comparator.comparing(WeeklyWindow::start).thenComparing(WeeklyWindow::end).thenComparing(WeeklyWindow::day))
                .forEach(w -> bySpan.computeIfAbsent(List.of(w.start, w.end), k -> new TreeSet<>()).add(w.day));
        record Line(DayOfWeek first, int start, String text) {
        }
        List<Line> lines = new ArrayList<>();
        bySpan.forEach((span, days) -> lines.add(new Line(days.first(), span.get(0), days(days) + " " + time(span.get(0)) + "-" + time(span.get(1)))));
        lines.sort(Comparator.comparing(Line::first).thenComparing(Line::start));
        return lines.stream().map(Line::text).toList();
    }

    @Override
    public String toString() {
        return shortName(day) + " " + time(start) + "-" + time(end);
    }

    private static String days(TreeSet<DayOfWeek> days) {
        if (days.size() == 7) {
            return "Daily";
        }
        List<String> parts = new ArrayList<>();
        List<DayOfWeek> run = new ArrayList<>();
        for (DayOfWeek day : days) {
            if (!run.isEmpty() && run.get(run.size() - 1).plus(1) != day) {
                parts.add(run(run));
                run.clear();
            }
            run.add(day);
        }
        parts.add(run(run));
        return String.join(",", parts);
    }

    private static String run(List<DayOfWeek> run) {
        if (run.size() >= 3) {
            return shortName(run.get(0)) + "-" + shortName(run.get(run.size() - 1));
        }
        return String.join(",", run.stream().map(WeeklyWindow::shortName).toList());
    }

    static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    static String time(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
