package org.district.plugins.lawyerroster;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.district.plugins.lawyerroster.api.WeeklyWindow;

/** A weekly window as stored: a SQL time cannot say 24:00, so the end of the day is kept as 23:59:59. */
@Embeddable
public class AvailabilityWindow {

    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false, length = 9)
    private DayOfWeek day;

    @Column(name = "start_time", nullable = false)
    private LocalTime start;

    @Column(name = "end_time", nullable = false)
    private LocalTime end;

    protected AvailabilityWindow() {
    }

    AvailabilityWindow(WeeklyWindow window) {
        this.day = window.day();
        this.start = window.start();
        this.end = window.end().equals(LocalTime.MAX) ? LAST_SECOND : window.end();
    }

    WeeklyWindow toWindow() {
        return new WeeklyWindow(day, start, end.equals(LAST_SECOND) ? LocalTime.MAX : end);
    }
}
