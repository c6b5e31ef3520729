package org.district.plugins.legalaidnightmarket;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.SecurityContext;

import org.district.platform.api.rest.Problem;

/** Query parameters as the resources read them: absent is null, malformed is a 400 naming the parameter. */
final class Params {

    private Params() {
    }

    static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(name, "'" + text + "' is not a date like 2026-12-04");
        }
    }

    static YearMonth month(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(name, "'" + text + "' is not a month like 2026-12");
        }
    }

    static YearMonth requiredMonth(String name, String text) {
        YearMonth month = month(name, text);
        if (month == null) {
            throw Problem.invalid(name, "is required, a month like 2026-12");
        }
        return month;
    }

    static SessionStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(SessionStatus.values()).filter(s -> s.code().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> Problem.invalid("status", "'" + text + "' is not one of "
                        + Arrays.stream(SessionStatus.values()).map(SessionStatus::code).collect(Collectors.joining(", "))));
    }

    static <E extends Enum<E> & Catalogue.Entry> E entry(Class<E> type, String name, String text) {
        return text == null || text.isBlank() ? null : Catalogue.require(type, name, text);
    }

    static String caller(SecurityContext security) {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }
}
