package org.district.plugins.lawyerroster.api;

import java.util.List;
import java.util.Set;

/** A lawyer as other modules see them: public fields only, no phone and no licence number. */
public record LawyerSummary(long id, String name, String firm, Set<Specialty> specialties, List<String> languages, boolean active) {

    public LawyerSummary {
        specialties = Set.copyOf(specialties);
        languages = List.copyOf(languages);
    }
}
