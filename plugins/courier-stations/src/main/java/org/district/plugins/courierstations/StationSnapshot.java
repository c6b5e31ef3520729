package org.district.plugins.courierstations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.district.plugins.courierstations.Station.ClosedDay;
import org.district.plugins.courierstations.hours.WeeklyHours;
import org.district.plugins.courierstations.index.Indexed;

/** A station as the in-memory index holds it: immutable, everything a search or a view needs. */
public record StationSnapshot(long id, String name, StationKind kind, String address, String district, String street,
        String community, double lat, double lon, Set<String> services, WeeklyHours hours, List<ClosedDay> closures,
        Integer capacity, String contactPhone, StationStatus status, String statusReason) implements Indexed {

    public boolean closedOn(LocalDate date) {
        for (ClosedDay closure : closures) {
            if (closure.date().equals(date)) {
                return true;
            }
        }
        return false;
    }

    /** Open at this local time: in service, not closed that day, and within its hours. */
    public boolean openAt(LocalDateTime time) {
        return status == StationStatus.OPEN && !closedOn(time.toLocalDate()) && hours.covers(time);
    }

    /** When it next closes if open at this time; empty when it stays open all the next week. */
    public Optional<LocalDateTime> openUntil(LocalDateTime time) {
        return hours.openUntil(time, this::closedOn);
    }
}
