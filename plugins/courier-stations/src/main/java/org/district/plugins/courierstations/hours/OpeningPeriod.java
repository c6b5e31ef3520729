package org.district.plugins.courierstations.hours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A span of one weekday during which a station is open, in the city's local time: minutes from
 * midnight, start inclusive, end exclusive; an end of 1440 is midnight at the end of the day
 * ({@code 24:00}). A night opening is two periods: {@code Fri 22:00-24:00} and {@code Sat 00:00-02:00}.
 */
public record OpeningPeriod(DayOfWeek day, int start, int end) implements Comparable<OpeningPeriod> {

    public static final int END_OF_DAY = 24 * 60;

    public OpeningPeriod {
        if (day == null) {
            throw new IllegalArgumentException("a period needs a day");
        }
        if (start < 0 || end > END_OF_DAY) {
            throw new IllegalArgumentException("a period lies between 00:00 and 24:00");
        }
        if (end <= start) {
            throw new IllegalArgumentException("ends at " + clock(end) + ", before it starts at " + clock(start)
                    + "; an opening past midnight is two periods, e.g. 'Fri 22:00-24:00' and 'Sat 00:00-02:00'");
        }
    }

    public static OpeningPeriod of(DayOfWeek day, LocalTime start, LocalTime end) {
        return new OpeningPeriod(day, minutes(start), end.equals(LocalTime.MAX) ? END_OF_DAY : minutes(end));
    }

    public LocalTime startTime() {
        return LocalTime.of(start / 60, start % 60);
    }

    /** The end as a time of day; 24:00 is {@link LocalTime#MAX}. */
    public LocalTime endTime() {
        return end == END_OF_DAY ? LocalTime.MAX : LocalTime.of(end / 60, end % 60);
    }

    public boolean overlaps(OpeningPeriod other) {
        return day == other.day && start < other.end && other.start < end;
    }

    public boolean contains(int minuteOfDay) {
        return start <= minuteOfDay && minuteOfDay < end;
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    static String clock(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    @Override
    public int compareTo(OpeningPeriod other) {
        int byDay = day.compareTo(other.day);
        return byDay != 0 ? byDay : Integer.compare(start, other.start);
    }

    @Override
    public String toString() {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + clock(start) + "-" + clock(end);
    }
}
