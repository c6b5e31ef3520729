package org.district.plugins.farmaidstreaming;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.core.SecurityContext;

import org.district.platform.api.rest.Problem;

/** Query parameters and times as the module reads them: absent is null, malformed is a 400 naming the parameter. */
public final class Params {

    /** The cities this platform serves keep China Standard Time: times without an offset are local there. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Params() {
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(ZONE);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static YearMonth month(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(name, "'" + text + "' is not a month like 2026-12");
        }
    }

    public static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(name, "'" + text + "' is not a date like 2026-12-04");
        }
    }

    /** A local time in the city ({@code 2026-12-05T20:00}) or an instant with an offset, as the city's local time; null for none. */
    public static LocalDateTime time(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(text.strip()).atZoneSameInstant(ZONE).toLocalDateTime();
            } catch (DateTimeParseException e) {
                throw Problem.invalid(name, "'" + text + "' is not a time like 2026-12-05T20:00 or 2026-12-05T20:00+08:00");
            }
        }
    }

    /** The catalogue entry a query parameter names, null when absent. */
    public static <E extends Enum<E> & Codes.Coded> E entry(Class<E> type, String name, String text) {
        return text == null || text.isBlank() ? null : Codes.require(type, name, text);
    }

    /** A period of months from {@code from} to {@code to}: by default the twelve months up to this one; at most {@code max} months. */
    public record Months(YearMonth from, YearMonth to) {
        public LocalDateTime start() {
            return from.atDay(1).atStartOfDay();
        }

        public LocalDateTime end() {
            return to.plusMonths(1).atDay(1).atStartOfDay();
        }
    }

    public static Months months(String fromText, String toText, int max) {
        YearMonth from = month("from", fromText);
        YearMonth to = month("to", toText);
        if (to == null) {
            to = from == null ? YearMonth.now(ZONE) : from.plusMonths(11);
        }
        if (from == null) {
            from = to.minusMonths(11);
        }
        if (to.isBefore(from)) {
            throw Problem.invalid("to", "must not be before from (" + from + ")");
        }
        if (from.plusMonths(max).isBefore(to.plusMonths(1))) {
            throw Problem.invalid("to", "a period covers at most " + max + " months");
        }
        return new Months(from, to);
    }

    public static String caller(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
