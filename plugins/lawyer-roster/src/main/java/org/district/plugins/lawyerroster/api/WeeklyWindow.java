package org.district.plugins.lawyerroster.api;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time a lawyer is available every week, in the city's local time: a day and a span of hours.
 * {@code end} is exclusive; an end of {@link LocalTime#MAX} means midnight at the end of the day
 * (written {@code 24:00}).
 */
public record WeeklyWindow(DayOfWeek day, LocalTime start, LocalTime end) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\S+)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final Map<String, DayOfWeek> CHINESE_DAYS = Map.of(
            "周一", DayOfWeek.MONDAY, "周二", DayOfWeek.TUESDAY, "周三", DayOfWeek.WEDNESDAY, "周四", DayOfWeek.THURSDAY,
            "周五", DayOfWeek.FRIDAY, "周六", DayOfWeek.SATURDAY, "周日", DayOfWeek.SUNDAY, "周天", DayOfWeek.SUNDAY);

    public WeeklyWindow {
        if (day == null || start == null || end == null) {
            throw new IllegalArgumentException("a window needs a day, a start and an end");
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window must end after it starts: " + start + "-" + end);
        }
    }

    /** Whether the span from {@code from} to {@code to} (one day, local time) lies inside this window. */
    public boolean covers(LocalDateTime from, LocalDateTime to) {
        if (from.getDayOfWeek() != day || !from.isBefore(to)) {
            return false;
        }
        boolean endsAtMidnight = to.toLocalDate().equals(from.toLocalDate().plusDays(1)) && to.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (!to.toLocalDate().equals(from.toLocalDate()) && !endsAtMidnight) {
            return false;
        }
        LocalTime toTime = endsAtMidnight ? LocalTime.MAX : to.toLocalTime();
        return !from.toLocalTime().isBefore(start) && !toTime.isAfter(end);
    }

    /** Whether the two windows share any time. */
    public boolean overlaps(WeeklyWindow other) {
        return day == other.day && start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * Reads {@code Mon 19:00-21:00}: a day (English name or three letters, or 周一..周日) and two
     * times; {@code 24:00} is the end of the day.
     */
    public static WeeklyWindow parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a window like 'Mon 19:00-21:00'");
        }
        return new WeeklyWindow(day(matcher.group(1)), time(matcher.group(2)), time(matcher.group(3)));
    }

    private static DayOfWeek day(String text) {
        DayOfWeek chinese = CHINESE_DAYS.get(text);
        if (chinese != null) {
            return chinese;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a day of the week");
    }

    private static LocalTime time(String text) {
        if (text.equals("24:00")) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day");
        }
    }

    @Override
    public String toString() {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + start + "-" + (end.equals(LocalTime.MAX) ? "24:00" : end.toString());
    }
}
