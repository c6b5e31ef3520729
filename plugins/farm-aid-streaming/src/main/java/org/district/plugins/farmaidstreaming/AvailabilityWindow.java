package org.district.plugins.farmaidstreaming;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A weekly window of a streamer's availability, as stored: 23:59:59 stands for 24:00. */
@Embeddable
public class AvailabilityWindow {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

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
        this.start = LocalTime.of(window.start() / 60, window.start() % 60);
        this.end = window.end() == WeeklyWindow.END_OF_DAY ? END_OF_DAY : LocalTime.of(window.end() / 60, window.end() % 60);
    }

    WeeklyWindow toWindow() {
        int endMinute = end.equals(END_OF_DAY) ? WeeklyWindow.END_OF_DAY : end.getHour() * 60 + end.getMinute();
        return new WeeklyWindow(day, start.getHour() * 60 + start.getMinute(), endMinute);
    }
}
