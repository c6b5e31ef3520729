package org.district.platform.runtime.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;

/**
 * What a query, path or cookie parameter may hold, for every resource: text without the NUL
 * character (PostgreSQL refuses it in any query), and for a boolean {@code true} or {@code false}
 * in any case (Jersey's own {@code Boolean.valueOf} reads {@code active=yes} or a typo as false
 * without a word; empty stays false, and left out stays as before). Anything else is a 400 that
 * names the parameter.
 */
public class ParameterValues implements ParamConverterProvider {

    private static final ParamConverter<String> TEXT = new ParamConverter<>() {
        @Override
        public String fromString(String value) {
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("contains the NUL character");
            }
            return value;
        }

        @Override
        public String toString(String value) {
            return value;
        }
    };

    /** A Boolean left out is null (no filter), a boolean false; given, it is true or false. */
    private static final ParamConverter<Boolean> BOXED = trueOrFalse(null);
    private static final ParamConverter<Boolean> PRIMITIVE = trueOrFalse(Boolean.FALSE);

    private static ParamConverter<Boolean> trueOrFalse(Boolean absent) {
        return new ParamConverter<>() {
            @Override
            public Boolean fromString(String value) {
                if (value == null) {
                    return absent;
                }
                String text = value.strip();
                if (text.isEmpty() || text.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                if (text.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                throw new IllegalArgumentException("'" + value + "' is not true or false");
            }

            @Override
            public String toString(Boolean value) {
                return String.valueOf(value);
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == String.class) {
            return (ParamConverter<T>) TEXT;
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) BOXED;
        }
        return rawType == boolean.class ? (ParamConverter<T>) PRIMITIVE : null;
    }
}
