package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.district.plugins.lawyerroster.api.WeeklyWindow;

/** A market's stall schedule for a month: an evening for every opening window of every week. */
public final class StallSchedule {

    private StallSchedule() {
    }

    /** One evening the stall opens. */
    public record Evening(LocalDate date, LocalTime start, LocalTime end) {
    }

    /**
     * The evenings of {@code month} on or after {@code from} that the opening hours give, by date
     * then start. Evenings already past are left out: a schedule is for what is still to come.
     */
    public static List<Evening> evenings(List<WeeklyWindow> hours, YearMonth month, LocalDate from) {
        List<Evening> evenings = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.isBefore(from)) {
                continue;
            }
            for (WeeklyWindow window : hours) {
                if (window.day() == day.getDayOfWeek()) {
                    evenings.add(new Evening(day, window.start(), window.end()));
                }
            }
        }
        evenings.sort(Comparator.comparing(Evening::date).thenComparing(Evening::start));
        return evenings;
    }
}
