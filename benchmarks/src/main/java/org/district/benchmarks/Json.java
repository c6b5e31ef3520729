package org.district.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The platform's JSON output settings (its runtime's {@code Json} mapper, which is internal to the
 * runtime bundle): ISO-8601 dates and no nulls written. The baseline and the serialization
 * benchmark use it so that both sides write the same bytes for the same answer; the platform's
 * strict input settings are left out, since nothing here reads request bodies.
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
