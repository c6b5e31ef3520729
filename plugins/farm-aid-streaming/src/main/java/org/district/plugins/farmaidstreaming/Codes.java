package org.district.plugins.farmaidstreaming;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.district.platform.api.rest.Problem;

/** The API's codes for the module's catalogues: lower case with underscores, or the Chinese name. */
public final class Codes {

    /** An entry of a catalogue: its code and its Chinese name. */
    public interface Coded {
        String name();

        String chinese();

        default String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Codes() {
    }

    public static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip().replace('-', '_').replace(' ', '_');
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equalsIgnoreCase(wanted) || e.chinese().equals(text.strip()))
                .findFirst();
    }

    /** The entry the text names, or a 400 naming {@code field} that lists the codes. */
    public static <E extends Enum<E> & Coded> E require(Class<E> type, String field, String text) {
        return parse(type, text).orElseThrow(() -> Problem.invalid(field, "'" + text + "' is not one of " + list(type)));
    }

    public static <E extends Enum<E> & Coded> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
