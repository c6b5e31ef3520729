package org.district.plugins.courierstations;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The API's codes for enumerations: lower case with underscores, or the Chinese name. */
final class Codes {

    private Codes() {
    }

    static <E> Optional<E> parse(E[] values, String text, Function<E, String> code, Function<E, String> chinese) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().replace('-', '_');
        return Arrays.stream(values).filter(v -> code.apply(v).equalsIgnoreCase(wanted) || chinese.apply(v).equals(wanted)).findFirst();
    }

    static <E> String list(E[] values, Function<E, String> code) {
        return Arrays.stream(values).map(code).collect(Collectors.joining(", "));
    }
}
