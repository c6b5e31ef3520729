package org.district.platform.runtime.internal.rest;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping every endpoint uses: strict on input, ISO-8601 dates, no nulls written, a
 * {@link org.district.platform.api.rest.PreparedJson} copied in as it was written.
 */
public final class Json {

    /** Deeper than any real request; deeper input is refused before it costs anything. */
    static final int MAX_NESTING = 64;

    private static final ObjectMapper MAPPER = build();

    /**
     * A mapper of its own for one module's application: Jackson keeps what it learnt of each class
     * in its mapper, so a module's classes (and its class loader) go with its application, never
     * held by one shared cache after the module is updated.
     */
    static ObjectMapper forModule() {
        return build();
    }

    private static ObjectMapper build() {
        return JsonMapper.builder(new JsonFactoryBuilder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .maxStringLength(1_000_000)
                            .build())
                    .build())
            .typeFactory(TypeFactory.defaultInstance().withCache(new LRUMap<>(16, 200)))
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("district-json").addDeserializer(String.class, new StorableText())
                    .addSerializer(new ModuleJsonWriter.Serializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // That feature refuses "42" for a number; this refuses 42 or true for text, which Jackson takes by default.
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    }

    private Json() {
    }

    /**
     * Text the databases keep as it was sent: NUL, which PostgreSQL refuses, and half a UTF-16
     * surrogate pair (valid as a JSON escape), which a database stores as '?', are a 400.
     */
    static final class StorableText extends StringDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            for (int i = 0; text != null && i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 0) {
                    throw JsonMappingException.from(parser, "must not contain the NUL character (\\u0000)");
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw JsonMappingException.from(parser, "must be Unicode text; \\u" + Integer.toHexString(c) + " is half a surrogate pair");
                }
            }
            return text;
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
