package org.district.platform.runtime.internal.rest;

import java.io.IOException;

import org.district.platform.api.rest.JsonWriter;
import org.district.platform.api.rest.PreparedJson;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * A module's {@link JsonWriter}: one per module, with a mapper of its own (as its application has),
 * so what Jackson learnt of the module's classes goes when the module stops.
 */
@Component(service = JsonWriter.class, scope = ServiceScope.BUNDLE)
public class ModuleJsonWriter implements JsonWriter {

    private final ObjectMapper mapper = Json.forModule();

    @Override
    public PreparedJson prepare(Object value) {
        try {
            SerializedString text = new SerializedString(mapper.writeValueAsString(value));
            text.asUnquotedUTF8(); // encoded once here, not by the first answers that copy it
            return new Prepared(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The text and its UTF-8 bytes, which answers copy as they are. */
    private record Prepared(SerializedString text) implements PreparedJson {

        @Override
        public String json() {
            return text.getValue();
        }

        @Override
        public String toString() {
            return text.getValue();
        }
    }

    /** How every mapper of the platform writes a {@link PreparedJson}: its bytes, copied in. */
    static final class Serializer extends StdSerializer<PreparedJson> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(PreparedJson.class);
        }

        @Override
        public void serialize(PreparedJson value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!(value instanceof Prepared prepared)) {
                // the interface is the platform's to implement: text from elsewhere is not known to be JSON
                throw JsonMappingException.from(generator, value.getClass().getName() + " was not prepared by the platform's JsonWriter");
            }
            generator.writeRawValue(prepared.text());
        }
    }
}
