package org.district.plugins.legalaidnightmarket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.district.plugins.legalaidnightmarket.StallSchedule.Evening;
import org.junit.jupiter.api.Test;

class StallScheduleTest {

    private static final List<WeeklyWindow> FRIDAYS_AND_SATURDAYS = List.of(
            WeeklyWindow.parse("Sat 19:00-21:30"), WeeklyWindow.parse("周五 19:00-21:30"));

    @Test
    void aMonthGetsAnEveningForEveryOpeningWindowOfEveryWeekInDateOrder() {
        List<Evening> december = StallSchedule.evenings(FRIDAYS_AND_SATURDAYS, YearMonth.of(2026, 12), LocalDate.of(2026, 11, 1));
        // December 2026 has four Fridays (4, 11, 18, 25) and four Saturdays (5, 12, 19, 26).
        assertEquals(8, december.size());
        assertEquals(new Evening(LocalDate.of(2026, 12, 4), LocalTime.of(19, 0), LocalTime.of(21, 30)), december.get(0));
        assertEquals(LocalDate.of(2026, 12, 26), december.get(7).date());
        for (int i = 1; i < december.size(); i++) {
            assertTrue(december.get(i - 1).date().isBefore(december.get(i).date()));
        }
        assertTrue(december.stream().allMatch(e -> e.date().getDayOfWeek() == DayOfWeek.FRIDAY || e.date().getDayOfWeek() == DayOfWeek.SATURDAY));
    }

    @Test
    void eveningsAlreadyPastAreLeftOut() {
        List<Evening> rest = StallSchedule.evenings(FRIDAYS_AND_SATURDAYS, YearMonth.of(2026, 12), LocalDate.of(2026, 12, 19));
        assertEquals(List.of(LocalDate.of(2026, 12, 19), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)),
                rest.stream().map(Evening::date).toList());
    }

    @Test
    void twoWindowsOnOneDayGiveTwoEveningsThatDay() {
        List<Evening> evenings = StallSchedule.evenings(List.of(WeeklyWindow.parse("Sat 19:00-20:30"), WeeklyWindow.parse("Sat 14:00-16:00")),
                YearMonth.of(2027, 2), LocalDate.of(2027, 2, 1));
        assertEquals(8, evenings.size());
        assertEquals(LocalTime.of(14, 0), evenings.get(0).start());
        assertEquals(LocalTime.of(19, 0), evenings.get(1).start());
    }
}
