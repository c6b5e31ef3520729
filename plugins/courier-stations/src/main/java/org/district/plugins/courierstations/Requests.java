package org.district.plugins.courierstations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.district.platform.api.rest.Problem;
import org.district.plugins.courierstations.geo.CoordinateSystem;

/** Reading query parameters the same way in every resource: a wrong one is a 400 that names it. */
final class Requests {

    private Requests() {
    }

    static CoordinateSystem coords(String text) {
        if (text == null || text.isBlank()) {
            return CoordinateSystem.WGS84;
        }
        return CoordinateSystem.parse(text).orElseThrow(() -> Problem.invalid("coords", "'" + text + "' is not wgs84 or gcj02"));
    }

    static double latitude(String name, Double value) {
        if (value == null) {
            throw Problem.invalid(name, "is required");
        }
        if (!(value >= -90 && value <= 90)) {
            throw Problem.invalid(name, value + " is not a latitude (-90 to 90)");
        }
        return value;
    }

    static double longitude(String name, Double value) {
        if (value == null) {
            throw Problem.invalid(name, "is required");
        }
        if (!(value >= -180 && value <= 180)) {
            throw Problem.invalid(name, value + " is not a longitude (-180 to 180)");
        }
        return value;
    }

    /** A local time in the city ({@code 2026-10-01T23:30}) or an instant with an offset; null for none. */
    static LocalDateTime time(String name, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(text.strip()).atZoneSameInstant(zone).toLocalDateTime();
            } catch (DateTimeParseException e) {
                throw Problem.invalid(name, "'" + text + "' is not a time like 2026-10-01T23:30");
            }
        }
    }

    static LocalDate date(String name, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(name, "'" + text + "' is not a date like 2026-10-01");
        }
    }

    /** Service codes from repeated or comma-separated parameters, each checked against the catalogue. */
    static Set<String> services(List<String> texts, ServiceCatalogue catalogue) {
        Set<String> codes = new LinkedHashSet<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                codes.add(catalogue.find(part).orElseThrow(() -> Problem.invalid("service",
                        "'" + part.strip() + "' is not a service of the catalogue; one of " + catalogue.codes())).code());
            }
        }
        return codes;
    }
}
