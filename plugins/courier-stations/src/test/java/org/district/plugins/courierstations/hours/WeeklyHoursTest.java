package org.district.plugins.courierstations.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WeeklyHoursTest {

    private static WeeklyHours hours(String... lines) {
        WeeklyHours.Parsed parsed = WeeklyHours.parse(List.of(lines));
        assertEquals(List.of(), parsed.problems());
        return parsed.hours();
    }

    // 2026-11-20 is a Friday
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

    @Test
    void dayRangesListsAndChineseDaysAreRead() {
        assertEquals(10, hours("Mon-Fri 08:00-12:00", "Mon-Fri 14:00-18:00").periods().size());
        assertEquals(List.of("Mon,Fri 08:00-09:00"), hours("Fri,Mon 08:00-09:00").lines());
        assertEquals(hours("Mon-Fri 08:00-20:00"), hours("周一至周五 08:00-20:00"));
        assertEquals(hours("Fri-Mon 08:00-20:00"), hours("Fri,Sat,Sun,Mon 8:00-20:00"), "a range may wrap past Sunday");
        assertTrue(hours("24h").isAroundTheClock());
        assertTrue(hours("Daily 00:00-24:00").isAroundTheClock());
        assertTrue(hours("每天 00:00-24:00").isAroundTheClock());
        assertFalse(hours("Daily 00:00-23:59").isAroundTheClock());
    }

    @Test
    void daysWithTheSameSpansShareALineAndTheLinesReadBackTheSame() {
        assertEquals(List.of("Mon-Fri 08:00-20:00", "Sat,Sun 10:00-18:00"), hours("Mon-Fri 08:00-20:00", "Sat,Sun 10:00-18:00").lines());
        assertEquals(List.of("Daily 00:00-02:00", "Daily 10:00-24:00"), hours("Daily 10:00-24:00", "Daily 00:00-02:00").lines());
        assertEquals(List.of("Mon-Wed,Fri 09:00-17:00", "Thu 09:00-12:00"), hours("Mon-Wed 09:00-17:00", "Thu 09:00-12:00", "Fri 09:00-17:00").lines());
        assertEquals(List.of("24h"), hours("Daily 00:00-24:00").lines());
        assertEquals(List.of(), WeeklyHours.of(List.of()).lines());
        for (WeeklyHours hours : List.of(hours("Mon-Fri 08:00-20:00", "Sat,Sun 10:00-18:00"), hours("Mon,Wed,Sun 06:30-07:00", "Tue 23:00-24:00"),
                hours("Fri 18:00-24:00", "Sat 00:00-02:00"), WeeklyHours.aroundTheClock())) {
            assertEquals(hours, hours(hours.lines().toArray(String[]::new)));
        }
    }

    @Test
    void overlapsAndBackwardsPeriodsAreNamedByLine() {
        WeeklyHours.Parsed overlapping = WeeklyHours.parse(List.of("Mon-Fri 08:00-12:00", "Sat 09:00-10:00", "Fri 11:00-14:00"));
        assertEquals(1, overlapping.problems().size());
        assertEquals(2, overlapping.problems().get(0).index());
        assertTrue(overlapping.problems().get(0).message().contains("overlaps Fri 08:00-12:00"), overlapping.problems().toString());

        WeeklyHours.Parsed backwards = WeeklyHours.parse(List.of("Fri 22:00-02:00"));
        assertEquals(0, backwards.problems().get(0).index());
        assertTrue(backwards.problems().get(0).message().contains("before it starts"), backwards.problems().toString());

        assertEquals(0, WeeklyHours.parse(List.of("Funday 08:00-09:00")).problems().get(0).index());
        assertEquals(1, WeeklyHours.parse(List.of("Mon 08:00-09:00", "Mon 25:00-26:00")).problems().get(0).index());
        assertEquals(1, WeeklyHours.parse(List.of("Mon 08:00-09:00", "whenever")).problems().size());
        assertEquals(1, WeeklyHours.parse(List.of("Mon 24:00-24:00")).problems().size());
    }

    @Test
    void openingAcrossMidnightIsTwoPeriodsThatJoin() {
        WeeklyHours night = hours("Fri 18:00-24:00", "Sat 00:00-02:00");
        assertTrue(night.covers(FRIDAY.atTime(23, 59)));
        assertTrue(night.covers(FRIDAY.plusDays(1).atTime(0, 0)));
        assertTrue(night.covers(FRIDAY.plusDays(1).atTime(1, 59)));
        assertFalse(night.covers(FRIDAY.plusDays(1).atTime(2, 0)), "the end is exclusive");
        assertFalse(night.covers(FRIDAY.atTime(17, 59)));
        assertEquals(Optional.of(FRIDAY.plusDays(1).atTime(2, 0)), night.openUntil(FRIDAY.atTime(22, 0), d -> false));
    }

    @Test
    void aClosedDateEndsTheOpeningAtMidnight() {
        WeeklyHours night = hours("Fri 18:00-24:00", "Sat 00:00-02:00");
        LocalDate saturday = FRIDAY.plusDays(1);
        assertEquals(Optional.of(saturday.atStartOfDay()), night.openUntil(FRIDAY.atTime(22, 0), Set.of(saturday)::contains));
    }

    @Test
    void aroundTheClockNeverCloses() {
        WeeklyHours always = WeeklyHours.aroundTheClock();
        for (int h = 0; h < 24; h++) {
            assertTrue(always.covers(FRIDAY.atTime(h, 30)));
        }
        assertEquals(Optional.empty(), always.openUntil(LocalDateTime.of(2026, 11, 20, 3, 0), d -> false));
    }
}
