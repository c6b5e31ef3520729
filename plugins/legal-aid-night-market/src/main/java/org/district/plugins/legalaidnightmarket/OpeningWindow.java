package org.district.plugins.legalaidnightmarket;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.district.plugins.lawyerroster.api.WeeklyWindow;

/** A weekly window of a market's usual opening hours, as stored. */
@Embeddable
public class OpeningWindow {

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false, length = 9)
    private DayOfWeek day;

    @Column(name = "start_time", nullable = false)
    private LocalTime start;

    @Column(name = "end_time", nullable = false)
    private LocalTime end;

    protected OpeningWindow() {
    }

    OpeningWindow(WeeklyWindow window) {
        this.day = window.day();
        this.start = window.start();
        this.end = window.end();
    }

    WeeklyWindow toWindow() {
        return new WeeklyWindow(day, start, end);
    }
}
