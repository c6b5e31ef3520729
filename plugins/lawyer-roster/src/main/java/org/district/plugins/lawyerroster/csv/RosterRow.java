package org.district.plugins.lawyerroster.csv;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

/**
 * One lawyer as read from a valid row of the bar association's spreadsheet, every cell trimmed.
 *
 * @param line         the spreadsheet row it came from (see {@link RowProblem#line()})
 * @param licenceNo    the 17-digit PRC practice licence number
 * @param specialties  in catalogue order, never empty
 * @param languages    as written, in file order, without repeats
 * @param phone        null when the cell was empty
 * @param availability in file order, no two overlapping
 */
public record RosterRow(int line, String licenceNo, String name, String firm, Set<Specialty> specialties,
        List<String> languages, String phone, List<WeeklyWindow> availability, boolean active) {

    public RosterRow {
        Objects.requireNonNull(licenceNo, "licenceNo");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(firm, "firm");
        // An EnumSet keeps the catalogue order, so rows read from the same file compare and print alike.
        specialties = specialties.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Specialty.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(specialties));
        languages = List.copyOf(languages);
        availability = List.copyOf(availability);
    }
}
