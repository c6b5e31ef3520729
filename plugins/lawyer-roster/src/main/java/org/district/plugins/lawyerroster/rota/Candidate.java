package org.district.plugins.lawyerroster.rota;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

/**
 * A lawyer who may be put on the rota: what they can handle, when they are free every week, and
 * how many duties they already served or hold per month before this rota ({@code dutiesServed},
 * possibly empty), which count towards the monthly maximum and towards fairness.
 */
public record Candidate(long lawyerId, String name, Set<Specialty> specialties, List<WeeklyWindow> availability,
        Map<YearMonth, Integer> dutiesServed) {

    public Candidate {
        if (name == null) {
            throw new IllegalArgumentException("lawyer " + lawyerId + " has no name");
        }
        if (specialties == null || availability == null || dutiesServed == null) {
            throw new IllegalArgumentException("lawyer " + lawyerId + " needs specialties, availability and duties served (each may be empty)");
        }
        if (specialties.stream().anyMatch(Objects::isNull) || availability.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("lawyer " + lawyerId + " has an empty entry among their specialties or availability");
        }
        // Enum and sorted copies keep iteration order stable across runs, unlike Set.copyOf and Map.copyOf.
        specialties = specialties.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(specialties));
        availability = List.copyOf(availability);
        TreeMap<YearMonth, Integer> served = new TreeMap<>();
        dutiesServed.forEach((month, count) -> {
            if (month == null || count == null || count < 0) {
                throw new IllegalArgumentException("lawyer " + lawyerId + " has an invalid count of duties served: " + month + "=" + count);
            }
            served.put(month, count);
        });
        dutiesServed = Collections.unmodifiableMap(served);
    }
}
