package org.district.plugins.farmaidstreaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WeeklyWindowTest {

    private static List<WeeklyWindow> parse(String... lines) {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (String line : lines) {
            windows.addAll(WeeklyWindow.parse(line));
        }
        return windows;
    }

    @Test
    void englishAndChineseDaysReadTheSame() {
        assertEquals(parse("Mon-Fri 20:00-22:00"), parse("周一至周五 20:00-22:00"));
        assertEquals(parse("Sat,Sun 09:00-11:30"), parse("周六、周日 09:00-11:30"));
        assertEquals(7, parse("Daily 20:00-24:00").size());
        assertEquals(List.of(new WeeklyWindow(DayOfWeek.SATURDAY, 19 * 60, 22 * 60)), parse("Saturday 19:00-22:00"));
    }

    @Test
    void daysSharingASpanAreWrittenAsOneLine() {
        assertEquals(List.of("Mon-Fri 20:00-22:00", "Sat,Sun 09:00-11:30"), WeeklyWindow.format(parse("Sat,Sun 09:00-11:30", "Mon-Fri 20:00-22:00")));
        assertEquals(List.of("Daily 20:00-24:00"), WeeklyWindow.format(parse("Daily 20:00-24:00")));
        assertEquals(List.of("Mon,Wed 19:00-21:00"), WeeklyWindow.format(parse("Wed 19:00-21:00", "Mon 19:00-21:00")));
    }

    @Test
    void aSessionIsCoveredOnlyWhenTheWholeTimeIsWithinTheWindows() {
        List<WeeklyWindow> saturdayEvenings = parse("Sat 19:00-22:00");
        LocalDateTime saturday8pm = LocalDateTime.of(2026, 12, 5, 20, 0);
        assertTrue(WeeklyWindow.cover(saturdayEvenings, saturday8pm, saturday8pm.plusMinutes(120)));
        assertFalse(WeeklyWindow.cover(saturdayEvenings, saturday8pm, saturday8pm.plusMinutes(121)), "runs past 22:00");
        assertFalse(WeeklyWindow.cover(saturdayEvenings, saturday8pm.minusDays(1), saturday8pm.minusDays(1).plusMinutes(60)), "a Friday");
    }

    @Test
    void aSessionPastMidnightIsCoveredByTwoWindowsThatMeet() {
        List<WeeklyWindow> late = parse("Sat 22:00-24:00", "Sun 00:00-01:00");
        LocalDateTime start = LocalDateTime.of(2026, 12, 5, 23, 0);
        assertTrue(WeeklyWindow.cover(late, start, start.plusMinutes(120)));
        assertFalse(WeeklyWindow.cover(late, start, start.plusMinutes(121)));
    }

    @Test
    void linesThatDoNotReadSayWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeeklyWindow.parse("Funday 19:00-22:00")).getMessage().contains("Funday"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeeklyWindow.parse("Sat 22:00-19:00")).getMessage().contains("ends before"));
        assertThrows(IllegalArgumentException.class, () -> WeeklyWindow.parse("Sat 19:00-25:00"));
        assertThrows(IllegalArgumentException.class, () -> WeeklyWindow.parse("evenings"));
    }
}
