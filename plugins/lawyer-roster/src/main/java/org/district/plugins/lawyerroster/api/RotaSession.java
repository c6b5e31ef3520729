package org.district.plugins.lawyerroster.api;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * A session that needs a lawyer on duty: when (local time, within one day), where, and the
 * specialties the lawyer must all have. {@code key} is the caller's own name for the session.
 */
public record RotaSession(String key, LocalDateTime start, LocalDateTime end, String place, Set<Specialty> requiredSpecialties) {

    public RotaSession {
        requiredSpecialties = Set.copyOf(requiredSpecialties);
    }
}
